package dev.cutout.cli;

import dev.cutout.common.config.ConfigSources;

import java.util.List;

/** The services `cutout up` runs on the embedded stack. Add a service's {@link EmbeddedService} here. */
final class EmbeddedServices {

    private EmbeddedServices() {
    }

    /** In start order; the flow's order keeps a consumer ready before its producer sends. */
    static List<EmbeddedService> all() {
        return PipelineServices.all(ConfigSources.fromEnvironment(System.getenv()));
    }
}

package dev.cutout.segmenter;

import dev.cutout.common.config.ConfigSources;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Runs the segmenter on its own: configuration from CUTOUT_* environment variables, overridden by an
 * optional properties file given as the only argument.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, ?> file = args.length > 0 ? ConfigSources.fromProperties(Path.of(args[0])) : Map.of();
        SegmenterConfig config = new SegmenterConfig(
                ConfigSources.layered(file, ConfigSources.fromEnvironment(System.getenv())));
        config.logAtStart();
        SegmenterService service = SegmenterService.start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(service::close, "segmenter-shutdown"));
        while (!service.awaitStop(Duration.ofSeconds(60))) {
            // keeps the main thread alive while the service runs
        }
        if (service.failure().isPresent()) {
            service.close();
            System.exit(1);
        }
    }
}

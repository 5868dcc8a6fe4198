package dev.cutout.cli;

import picocli.CommandLine.IVersionProvider;

/** The version stamped into the jar's manifest by the build; "dev" when run from classes. */
final class CutoutVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = CutoutCommand.class.getPackage().getImplementationVersion();
        return new String[] {"cutout " + (version == null ? "dev" : version)};
    }
}

package dev.cutout.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code cutout} command. Every subcommand is registered in the {@code subcommands} list below:
 * to add one, write a {@code @Command} class in this package and append it there.
 */
@Command(
        name = "cutout",
        mixinStandardHelpOptions = true,
        versionProvider = CutoutVersion.class,
        description = "Background removal for product photos, on Kafka.",
        subcommands = {
                UpCommand.class,
                StatusCommand.class,
                IngestCommand.class,
                RemoveCommand.class,
                EvalCommand.class,
                BenchCommand.class,
                TrainCommand.class,
                TrainEdgesCommand.class,
                AverageWeightsCommand.class,
                VerifyTrainCommand.class,
                VerifyEvalCommand.class,
                CommandLine.HelpCommand.class,
        })
public final class CutoutCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line; tests execute it in-process. */
    public static CommandLine commandLine() {
        return new CommandLine(new CutoutCommand())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(new FriendlyErrors());
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

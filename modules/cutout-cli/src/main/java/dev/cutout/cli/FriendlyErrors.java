package dev.cutout.cli;

import dev.cutout.local.PortInUseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns the failures a user can fix (a busy port, a stack that is not running) into one line on
 * stderr instead of a stack trace; everything else keeps its trace, at debug level too.
 */
final class FriendlyErrors implements IExecutionExceptionHandler {

    static final int EXIT_USER_ERROR = 2;
    private static final Logger log = LoggerFactory.getLogger(FriendlyErrors.class);

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
        PortInUseException busy = find(e, PortInUseException.class);
        if (busy != null) {
            cmd.getErr().println(cmd.getColorScheme().errorText("cutout: " + busy.getMessage()));
            cmd.getErr().println("Change it with " + portOption(busy.server()) + " PORT.");
            return EXIT_USER_ERROR;
        }
        UserError user = find(e, UserError.class);
        if (user != null) {
            cmd.getErr().println(cmd.getColorScheme().errorText("cutout: " + user.getMessage()));
            log.debug("details", e);
            return EXIT_USER_ERROR;
        }
        cmd.getErr().println(cmd.getColorScheme().errorText("cutout " + cmd.getCommandName() + " failed: " + e));
        e.printStackTrace(cmd.getErr());
        return cmd.getCommandSpec().exitCodeOnExecutionException();
    }

    static String portOption(String server) {
        String s = server.toLowerCase(java.util.Locale.ROOT);
        if (s.contains("controller")) {
            return "--controller-port";
        }
        if (s.contains("kafka")) {
            return "--kafka-port";
        }
        if (s.contains("registry")) {
            return "--registry-port";
        }
        if (s.contains("s3") || s.contains("object")) {
            return "--s3-port";
        }
        return "the matching --*-port option";
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}

package dev.cutout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import dev.cutout.local.PortInUseException;
import dev.cutout.local.Ports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CutoutCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = CutoutCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void helpListsTheRegisteredSubcommands() {
        assertThat(run("--help")).isZero();

        assertThat(out.toString()).contains("Usage: cutout").contains("up").contains("status");
    }

    @Test
    void upDocumentsDataDirAndPortOptions() {
        assertThat(run("up", "--help")).isZero();

        assertThat(out.toString()).contains("--data-dir=DIR", "--kafka-port=PORT", "--registry-port=PORT",
                "--s3-port=PORT", "--controller-port=PORT");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        assertThat(run("status", "--no-such-option")).isEqualTo(2);

        assertThat(err.toString()).contains("Unknown option: '--no-such-option'");
    }

    @Test
    void statusWithoutARunningBrokerSaysSoInOneLine() {
        int closedPort = Ports.freePort();

        int exit = run("status", "--bootstrap-servers", "localhost:" + closedPort, "--timeout-ms", "1500");

        assertThat(exit).isEqualTo(FriendlyErrors.EXIT_USER_ERROR);
        assertThat(err.toString()).contains("no Kafka broker answered at localhost:" + closedPort)
                .doesNotContain("\tat ");
    }

    @Test
    void upOnABusyPortNamesThePortAndTheOptionThatMovesIt(@TempDir Path dataDir) throws Exception {
        int[] ports = Ports.freePorts(4);
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress(InetAddress.getByName("localhost"), ports[0]));

            int exit = run("up", "--data-dir", dataDir.toString(), "--kafka-port", String.valueOf(ports[0]),
                    "--controller-port", String.valueOf(ports[1]), "--registry-port", String.valueOf(ports[2]),
                    "--s3-port", String.valueOf(ports[3]));

            assertThat(exit).isEqualTo(FriendlyErrors.EXIT_USER_ERROR);
            assertThat(err.toString()).contains("Kafka broker port " + ports[0] + " on localhost is already in use")
                    .contains("--kafka-port");
        }
    }

    @Test
    void eachServerNamesItsOwnPortOption() {
        assertThat(FriendlyErrors.portOption(new PortInUseException("Kafka broker", "localhost", 9092, null).server()))
                .isEqualTo("--kafka-port");
        assertThat(FriendlyErrors.portOption("Kafka controller")).isEqualTo("--controller-port");
        assertThat(FriendlyErrors.portOption("Schema registry")).isEqualTo("--registry-port");
        assertThat(FriendlyErrors.portOption("S3 object store")).isEqualTo("--s3-port");
    }
}

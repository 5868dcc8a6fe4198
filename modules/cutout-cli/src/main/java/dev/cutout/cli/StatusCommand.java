package dev.cutout.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `cutout status`: the topics of a running stack with their offsets, the consumer groups' lag, the dead letters. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Shows topics, end offsets, consumer-group lag and dead-letter counts of a running stack.")
public final class StatusCommand implements Callable<Integer> {

    static final String BOOTSTRAP_ENV = "CUTOUT_KAFKA_BOOTSTRAP_SERVERS";

    @Option(names = {"-b", "--bootstrap-servers"}, paramLabel = "HOST:PORT",
            defaultValue = "${env:" + BOOTSTRAP_ENV + ":-localhost:9092}",
            description = "Kafka to inspect (default: $" + BOOTSTRAP_ENV + " or ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(names = "--timeout-ms", defaultValue = "5000",
            description = "How long to wait for the broker (default: ${DEFAULT-VALUE}).")
    long timeoutMs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Map<String, Object> props = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeoutMs,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeoutMs,
                AdminClientConfig.CLIENT_ID_CONFIG, "cutout-status");
        KafkaOverview.Snapshot snapshot;
        try (Admin admin = Admin.create(props)) {
            snapshot = new KafkaOverview(admin, timeoutMs).read();
        } catch (TimeoutException e) {
            throw unreachable(e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
                throw unreachable(e);
            }
            throw e;
        }
        StatusReport.print(bootstrapServers, snapshot, spec.commandLine().getOut());
        return 0;
    }

    private UserError unreachable(Exception cause) {
        return new UserError("no Kafka broker answered at " + bootstrapServers + " within " + timeoutMs
                + " ms; is `./cutout up` running? (or pass --bootstrap-servers)", cause);
    }
}

package dev.cutout.cli;

import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import dev.cutout.local.LocalEndpoints;
import dev.cutout.local.LocalStack;
import dev.cutout.local.LocalStackConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * `cutout up`: Kafka, the schema registry, the S3 server and every service in this one process, until
 * Ctrl-C. One shutdown hook stops the services in reverse start order, then the servers.
 */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = {"Runs the whole stack in this process until Ctrl-C.",
                "Kafka (KRaft), the schema registry, an S3 server, the flow's topics and buckets, and the services;"
                        + " data stays in --data-dir."})
public final class UpCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(UpCommand.class);

    @Mixin
    UpOptions options = new UpOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        LocalStackConfig config = options.stackConfig(System.getenv());
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Starting the Cutout stack in %s ...%n", config.dataDir().toAbsolutePath().normalize());
        out.flush();

        long t0 = System.nanoTime();
        LocalStack stack = LocalStack.start(config);
        Deque<Running> services = new ArrayDeque<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopAll(services, stack, out);
            stopped.countDown();
        }, "cutout-shutdown"));
        // A service that fails to start ends the command; the exit runs the hook, which stops the rest.
        for (EmbeddedService service : EmbeddedServices.all()) {
            services.push(new Running(service.name(), service.start(stack, options)));
            log.info("{} started", service.name());
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        printReady(out, stack, services.size(), seconds);
        stopped.await();
        return 0;
    }

    private record Running(String name, AutoCloseable service) {
    }

    private static void stopAll(Deque<Running> services, LocalStack stack, PrintWriter out) {
        out.println();
        out.println("Stopping the Cutout stack ...");
        out.flush();
        while (!services.isEmpty()) {
            Running r = services.pop();
            try {
                r.service().close();
            } catch (Exception e) {
                log.warn("{} did not stop cleanly: {}", r.name(), e.toString());
            }
        }
        stack.close();
        out.println("Stopped.");
        out.flush();
    }

    static void printReady(PrintWriter out, LocalStack stack, int services, double seconds) {
        LocalEndpoints e = stack.endpoints();
        out.printf(Locale.ROOT, "%nCutout stack ready in %.1f s (servers %.1f s)%n", seconds,
                stack.startupTime().toMillis() / 1e3);
        out.printf("  Kafka            %s%n", e.bootstrapServers());
        out.printf("  Schema registry  %s%n", e.schemaRegistryUrl());
        out.printf("  S3 API           %s  (access key %s)%n", e.s3Endpoint(), e.s3AccessKey());
        out.printf("  Data             %s%n", e.dataDir());
        out.printf("  Topics           %d (%d created now), cluster id %s%n", stack.topics().size(),
                stack.createdTopics().size(), stack.clusterId());
        out.printf("  Buckets          %s%n", String.join(", ", LocalStack.BUCKETS));
        out.printf("  Services         %d%n", services);
        out.println();
        out.println("To point another terminal or a service at this stack:");
        e.asEnvironment().forEach((name, value) -> out.printf("  export %s=%s%n", name, value));
        out.println();
        out.println("Ctrl-C stops everything.");
        out.flush();
    }
}

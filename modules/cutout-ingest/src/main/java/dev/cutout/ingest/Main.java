package dev.cutout.ingest;

import dev.cutout.common.config.ConfigSources;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The ingest service as a deployable of its own: reads its config (an optional properties file given as
 * the argument, overridden by {@code CUTOUT_*} environment variables), opens the ways in, runs until stopped.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        IngestConfig config = new IngestConfig(ConfigSources.layered(
                args.length > 0 ? ConfigSources.fromProperties(Path.of(args[0])) : Map.of(),
                ConfigSources.fromEnvironment(System.getenv())));
        config.logAtStart();
        IngestService service = IngestService.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            stopped.countDown();
        }, "ingest-shutdown"));
        stopped.await();
    }
}

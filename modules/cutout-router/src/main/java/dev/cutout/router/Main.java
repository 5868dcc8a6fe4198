package dev.cutout.router;

import dev.cutout.common.config.ConfigSources;
import dev.cutout.common.registry.SchemaRegistryClient;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The router as a deployable of its own: reads its config (an optional properties file given as the
 * argument, overridden by {@code CUTOUT_*} environment variables), starts the streams, runs until stopped.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        RouterConfig config = new RouterConfig(ConfigSources.layered(
                args.length > 0 ? ConfigSources.fromProperties(Path.of(args[0])) : Map.of(),
                ConfigSources.fromEnvironment(System.getenv())));
        config.logAtStart();
        RouterService service = new RouterService(config, new SchemaRegistryClient(config.schemaRegistryUrl()))
                .start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            stopped.countDown();
        }, "router-shutdown"));
        stopped.await();
    }
}

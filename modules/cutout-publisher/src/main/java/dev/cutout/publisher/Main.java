package dev.cutout.publisher;

import dev.cutout.common.config.ConfigSources;
import dev.cutout.common.registry.SchemaRegistryClient;
import dev.cutout.common.store.ObjectStore;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The publisher as a deployable of its own: reads its config (an optional properties file given as the
 * argument, overridden by {@code CUTOUT_*} environment variables), runs until stopped.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        PublisherConfig config = new PublisherConfig(ConfigSources.layered(
                args.length > 0 ? ConfigSources.fromProperties(Path.of(args[0])) : Map.of(),
                ConfigSources.fromEnvironment(System.getenv())));
        config.logAtStart();
        ObjectStore store = ObjectStore.connect(config.objectStoreConfig());
        PublisherService service = PublisherService.start(config, store,
                new SchemaRegistryClient(config.schemaRegistryUrl()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            store.close();
            stopped.countDown();
        }, "publisher-shutdown"));
        stopped.await();
    }
}

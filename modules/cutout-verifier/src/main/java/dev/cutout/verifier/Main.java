package dev.cutout.verifier;

import dev.cutout.common.config.ConfigSources;
import dev.cutout.common.store.ObjectStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The verifier as a deployable of its own: reads its config (an optional properties file given as the
 * argument, overridden by {@code CUTOUT_*} environment variables), wires the collaborators, runs until stopped.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException, IOException {
        VerifierConfig config = new VerifierConfig(ConfigSources.layered(
                args.length > 0 ? ConfigSources.fromProperties(Path.of(args[0])) : Map.of(),
                ConfigSources.fromEnvironment(System.getenv())));
        config.logAtStart();
        ObjectStore store = ObjectStore.connect(config.objectStoreConfig());
        VerifierService service = VerifierService.create(config, store).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            store.close();
            stopped.countDown();
        }, "verifier-shutdown"));
        stopped.await();
    }
}

package dev.cutout.verifier;

import dev.cutout.common.config.ConfigSources;
import dev.cutout.common.image.ImageCodec;
import dev.cutout.common.registry.SchemaRegistryClient;
import dev.cutout.common.store.ObjectStore;
import dev.cutout.vision.quality.EvidenceScorer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The verifier as a deployable of its own: reads its config (an optional properties file given as the
 * argument, overridden by {@code CUTOUT_*} environment variables), wires the collaborators, runs until stopped.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        VerifierConfig config = new VerifierConfig(ConfigSources.layered(
                args.length > 0 ? ConfigSources.fromProperties(Path.of(args[0])) : Map.of(),
                ConfigSources.fromEnvironment(System.getenv())));
        config.logAtStart();
        ObjectStore store = ObjectStore.connect(config.objectStoreConfig());
        MaskScoring scoring = new MaskScoring(store, new ImageCodec(), new EvidenceScorer(), Clock.systemUTC());
        VerifierService service = new VerifierService(config, scoring,
                new SchemaRegistryClient(config.schemaRegistryUrl())).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            store.close();
            stopped.countDown();
        }, "verifier-shutdown"));
        stopped.await();
    }
}

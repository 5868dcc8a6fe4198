package dev.cutout.cli;

import dev.cutout.common.registry.SchemaRegistryClient;
import dev.cutout.common.store.ObjectStore;
import dev.cutout.ingest.IngestConfig;
import dev.cutout.ingest.IngestService;
import dev.cutout.local.LocalStack;
import dev.cutout.publisher.PublisherConfig;
import dev.cutout.publisher.PublisherService;
import dev.cutout.router.RouterConfig;
import dev.cutout.router.RouterService;
import dev.cutout.segmenter.SegmenterConfig;
import dev.cutout.segmenter.SegmenterService;
import dev.cutout.verifier.VerifierConfig;
import dev.cutout.verifier.VerifierService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The pipeline's services as {@link EmbeddedService}s, in flow order so that each consumer is up before
 * its producer sends. Every service's config is the stack's endpoints, then the defaults the embedded
 * stack needs (folders, state), then {@code overrides} (from {@code CUTOUT_*} variables under
 * {@code cutout up}, or from a test), so any key of any service can be set.
 */
public final class PipelineServices {

    private PipelineServices() {
    }

    public static List<EmbeddedService> all(Map<String, ?> overrides) {
        return List.of(segmenter(overrides), verifier(overrides), router(overrides), publisher(overrides),
                ingest(overrides));
    }

    static Map<String, Object> config(LocalStack stack, Map<String, ?> defaults, Map<String, ?> overrides) {
        Map<String, Object> values = new HashMap<>(stack.endpoints().asConfig());
        values.putAll(defaults);
        values.putAll(overrides);
        return values;
    }

    static EmbeddedService ingest(Map<String, ?> overrides) {
        return service("ingest", (stack, options) -> {
            Map<String, Object> values = config(stack, Map.of(
                    IngestConfig.HOT_FOLDER, options.inbox().toString()), overrides);
            return IngestService.start(new IngestConfig(values));
        });
    }

    /**
     * The segmenter shares the process and the cores with every other service here, so libtorch gets one
     * thread per inference by default: its idle threads would otherwise spin for cores the other
     * services are using, which slows inference down several times. More throughput comes from
     * {@code segmenter.worker.threads} (one predictor each).
     */
    static EmbeddedService segmenter(Map<String, ?> overrides) {
        return service("segmenter", (stack, options) -> SegmenterService.start(
                new SegmenterConfig(config(stack, Map.of(SegmenterConfig.TORCH_THREADS, 1), overrides))));
    }

    static EmbeddedService verifier(Map<String, ?> overrides) {
        return service("verifier", (stack, options) -> {
            VerifierConfig config = new VerifierConfig(config(stack, Map.of(), overrides));
            ObjectStore store = ObjectStore.connect(config.objectStoreConfig());
            VerifierService service = VerifierService.create(config, store).start();
            return () -> {
                service.close();
                store.close();
            };
        });
    }

    static EmbeddedService router(Map<String, ?> overrides) {
        return service("router", (stack, options) -> {
            RouterConfig config = new RouterConfig(config(stack, Map.of(
                    RouterConfig.STATE_DIR, stack.endpoints().dataDir().resolve("router-state").toString()),
                    overrides));
            return new RouterService(config, new SchemaRegistryClient(config.schemaRegistryUrl())).start();
        });
    }

    static EmbeddedService publisher(Map<String, ?> overrides) {
        return service("publisher", (stack, options) -> {
            PublisherConfig config = new PublisherConfig(config(stack, Map.of(
                    PublisherConfig.OUTBOX_DIR, options.outbox().toString()), overrides));
            ObjectStore store = ObjectStore.connect(config.objectStoreConfig());
            PublisherService service = PublisherService.start(config, store,
                    new SchemaRegistryClient(config.schemaRegistryUrl()));
            return () -> {
                service.close();
                store.close();
            };
        });
    }

    private interface Starter {
        AutoCloseable start(LocalStack stack, UpOptions options) throws Exception;
    }

    private static EmbeddedService service(String name, Starter starter) {
        return new EmbeddedService() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public AutoCloseable start(LocalStack stack, UpOptions options) throws Exception {
                return starter.start(stack, options);
            }
        };
    }
}

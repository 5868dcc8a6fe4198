package dev.cutout.cli;

import dev.cutout.ingest.IngestConfig;
import dev.cutout.ingest.IngestService;
import dev.cutout.local.LocalStack;
import dev.cutout.local.LocalStackConfig;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The embedded stack and every service in this JVM, on free ports under one folder ({@code stack/},
 * {@code inbox/}, {@code outbox/}): what {@code cutout up} runs, for a benchmark or a test to drive.
 */
final class EmbeddedPipeline implements AutoCloseable {

    private final LocalStack stack;
    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private IngestService ingest;

    private EmbeddedPipeline(LocalStack stack) {
        this.stack = stack;
    }

    /** Starts it; {@code overrides} go to every service, over a free port for the upload API. */
    static EmbeddedPipeline start(Path dir, Map<String, ?> overrides) throws Exception {
        EmbeddedPipeline pipeline = new EmbeddedPipeline(LocalStack.start(LocalStackConfig.onFreePorts(dir.resolve("stack"))));
        try {
            UpOptions options = new UpOptions();
            options.inbox = dir.resolve("inbox");
            options.outbox = dir.resolve("outbox");
            Map<String, Object> config = new HashMap<>();
            config.put(IngestConfig.HTTP_PORT, 0);
            config.putAll(overrides);
            for (EmbeddedService service : PipelineServices.all(config)) {
                AutoCloseable started = service.start(pipeline.stack, options);
                pipeline.running.push(started);
                if (started instanceof IngestService ingestService) {
                    pipeline.ingest = ingestService;
                }
            }
            return pipeline;
        } catch (Exception | Error e) {
            pipeline.close();
            throw e;
        }
    }

    LocalStack stack() {
        return stack;
    }

    /** Base URL of the upload API, e.g. {@code http://localhost:41234}. */
    String ingestUrl() {
        return "http://localhost:" + ingest.httpPort().orElseThrow();
    }

    @Override
    public void close() {
        while (!running.isEmpty()) {
            try {
                running.pop().close();
            } catch (Exception e) {
                // keep stopping the others
            }
        }
        stack.close();
    }
}

package dev.cutout.cli;

import dev.cutout.cli.OutcomeFollower.Kind;
import dev.cutout.common.image.ImageCodec;
import dev.cutout.segmenter.SegmenterConfig;
import dev.cutout.vision.infer.SegmenterModel;
import dev.cutout.vision.model.U2NetSize;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code cutout bench --pipeline}: the offline remove path on the photos, then the same photos through the
 * embedded stack (upload, segment, verify, route, publish), and the ratio of their throughputs.
 */
final class PipelineBench {

    private final BenchCommand bench;
    private final PrintWriter out;

    PipelineBench(BenchCommand bench, PrintWriter out) {
        this.bench = bench;
        this.out = out;
    }

    /** The first {@code n} photos of {@code dir}, all different: the pipeline would take a repeat as a duplicate. */
    static List<Path> distinctPhotos(Path dir, int n) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new UserError("no photo folder at " + dir + "; pass --images DIR");
        }
        List<Path> paths;
        try (Stream<Path> files = Files.list(dir)) {
            paths = files.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(jpe?g|png)$"))
                    .sorted().limit(n).toList();
        }
        if (paths.size() < n) {
            throw new UserError(dir + " has " + paths.size() + " photos, --count plus --warmup needs " + n);
        }
        return paths;
    }

    /**
     * The offline pass first, as {@code cutout bench} runs it, then the pipeline: services run warm in
     * production, so the pipeline is measured after the JIT has compiled the decode, inference and
     * refinement code both paths share, not while it compiles them.
     */
    void run(List<Path> photos) throws Exception {
        List<Path> warmups = photos.subList(0, bench.warmup);
        List<Path> timed = photos.subList(bench.warmup, photos.size());

        List<byte[]> files = new ArrayList<>();
        for (Path photo : photos) {
            files.add(Files.readAllBytes(photo));
        }
        ImageCodec codec = new ImageCodec();
        BenchCommand.Result offline;
        try (SegmenterModel model = bench.modelOptions.load()) {
            out.println("offline, same photos:");
            bench.printSetup(out, model, codec, files);
            offline = bench.measureRemove(model, codec, files);
            bench.print(out, "remove (decode+infer+refine+encode)", offline);
        }
        double pipelineThroughput = measurePipeline(warmups, timed);
        out.printf(Locale.ROOT, "pipeline / offline throughput: %.0f%% (%.3f / %.3f photos/s)%n",
                100 * pipelineThroughput / offline.throughput(), pipelineThroughput, offline.throughput());
    }

    private double measurePipeline(List<Path> warmups, List<Path> timed) throws Exception {
        Path dir = Files.createTempDirectory("cutout-bench-pipeline-");
        out.printf("pipeline: starting the embedded stack and every service in %s ...%n", dir);
        out.flush();
        try (EmbeddedPipeline pipeline = EmbeddedPipeline.start(dir, pipelineOverrides());
                OutcomeFollower follower = new OutcomeFollower(pipeline.stack().endpoints().bootstrapServers(),
                        pipeline.stack().endpoints().schemaRegistryUrl(), Duration.ofSeconds(30))) {
            IngestRun ingest = new IngestRun(new PhotoUploader(pipeline.ingestUrl(),
                    dev.cutout.ingest.IngestConfig.DEFAULT_HTTP_TOKEN), follower, "transparent");
            Duration timeout = Duration.ofMinutes(5).plusSeconds(30L * (warmups.size() + timed.size()));
            if (!warmups.isEmpty()) {
                ingest.run(warmups, timeout, n -> { });
            }
            long start = System.currentTimeMillis();
            long cpuStart = ProcessCpu.nanos();
            PhotoTracker tracker = ingest.run(timed, timeout, n -> { });
            long cpuEnd = ProcessCpu.nanos();
            return report(tracker, start, cpuStart, cpuEnd);
        } finally {
            deleteQuietly(dir);
        }
    }

    /**
     * The segmenter as the offline run has it, and a router that publishes every photo whatever its score:
     * the figures then cover the whole path (the publisher's render and encode included) however the
     * verifier splits publish and review, and compare with the offline path, which always renders.
     */
    private Map<String, Object> pipelineOverrides() {
        ModelOptions model = bench.modelOptions;
        Map<String, Object> overrides = new HashMap<>(EveryClusterThreshold.routerOverrides(0.0));
        overrides.put(SegmenterConfig.MODEL_INPUT_SIZE, model.inputSize);
        overrides.put(SegmenterConfig.WORKER_THREADS, bench.threads);
        overrides.put(SegmenterConfig.TORCH_THREADS, bench.torchThreads);
        overrides.put(SegmenterConfig.MAX_BATCH_SIZE, bench.batch);
        overrides.put(SegmenterConfig.DEVICE, "gpu".equalsIgnoreCase(model.device)
                ? SegmenterConfig.DEVICE_GPU : SegmenterConfig.DEVICE_CPU);
        if (model.model != null) {
            overrides.put(SegmenterConfig.MODEL_PATH, model.model.toAbsolutePath().toString());
            overrides.put(SegmenterConfig.MODEL_ARCHITECTURE, model.size == U2NetSize.FULL
                    ? SegmenterConfig.ARCHITECTURE_FULL : SegmenterConfig.ARCHITECTURE_SMALL);
        }
        return overrides;
    }

    /** Prints the pipeline's figures; returns its throughput in finished photos per second. */
    private double report(PhotoTracker tracker, long startMs, long cpuStartNanos, long cpuEndNanos) {
        List<Long> toPublished = new ArrayList<>();
        List<Long> toReview = new ArrayList<>();
        long lastMs = startMs;
        for (PhotoTracker.Entry e : tracker.entries()) {
            if (e.kind == Kind.PUBLISHED || e.kind == Kind.REVIEW) {
                (e.kind == Kind.PUBLISHED ? toPublished : toReview).add((e.finishedAtMs - e.uploadedAtMs) * 1_000_000L);
                lastMs = Math.max(lastMs, e.finishedAtMs);
            }
        }
        int finished = toPublished.size() + toReview.size();
        double seconds = Math.max(1, lastMs - startMs) / 1e3;
        double throughput = finished / seconds;
        out.printf(Locale.ROOT, "pipeline: %d photos uploaded at once; %s%n", tracker.entries().size(),
                tracker.summary());
        out.printf(Locale.ROOT, "pipeline end-to-end %.3f photos/s (%d finished in %.1f s; the router publishes every"
                + " photo here, so each one is rendered as offline)%n", throughput, finished, seconds);
        out.printf(Locale.ROOT, "pipeline CPU %.2f core-s/photo (every service, broker, registry and object store;"
                + " offline above for comparison)%n", ProcessCpu.secondsPerItem(cpuStartNanos, cpuEndNanos, finished));
        LatencyStats published = LatencyStats.ofNanos(toPublished);
        out.printf(Locale.ROOT, "upload -> cutouts.published  p50 %.0f ms  p99 %.0f ms  (%d photos)%n",
                published.p50(), published.p99(), published.count());
        if (!toReview.isEmpty()) {
            LatencyStats review = LatencyStats.ofNanos(toReview);
            out.printf(Locale.ROOT, "upload -> review.requests    p50 %.0f ms  p99 %.0f ms  (%d photos)%n",
                    review.p50(), review.p99(), review.count());
        }
        out.flush();
        return throughput;
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }
}

package dev.cutout.cli;

import dev.cutout.common.image.DecodedImage;
import dev.cutout.common.image.ImageCodec;
import dev.cutout.vision.composite.CutoutRenderer;
import dev.cutout.vision.composite.RenderOptions;
import dev.cutout.vision.infer.MaskPredictor;
import dev.cutout.vision.infer.SegmenterModel;
import dev.cutout.vision.infer.TorchThreads;
import dev.cutout.vision.mask.AlphaMask;
import dev.cutout.vision.mask.RefineOptions;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cutout bench}: throughput and latency of the whole remove path (decode, infer, refine,
 * render, encode) and of inference alone, on real photos, with threads and batch size as
 * options. Figures, not assertions: run it on an otherwise idle machine and compare medians.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measures images/s and p50/p99 latency of background removal on real photos.")
final class BenchCommand implements Callable<Integer> {

    private static final Path DEFAULT_IMAGES = Path.of("..", "shared", "datasets", "carvana-val", "images");

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--images", paramLabel = "DIR",
            description = "Folder of photos. Default: ../shared/datasets/carvana-val/images.")
    Path images;

    @Option(names = "--count", defaultValue = "16", paramLabel = "N", description = "Photos measured. Default: ${DEFAULT-VALUE}.")
    int count;

    @Option(names = "--warmup", defaultValue = "16", paramLabel = "N",
            description = "Untimed photos first, in each pass: services run warm, and the pipeline's JIT compiles its"
                    + " Kafka, object-store and image code while the first photos flow. Default: ${DEFAULT-VALUE}.")
    int warmup;

    @Option(names = "--threads", defaultValue = "1", paramLabel = "N",
            description = "Worker threads, one predictor each. Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--batch", defaultValue = "1", paramLabel = "N", description = "Photos per inference batch. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--torch-threads", defaultValue = "1", paramLabel = "N",
            description = {"libtorch threads per inference call, offline and in the pipeline's segmenter alike;"
                    + " 0 for libtorch's default (one per core). Default: ${DEFAULT-VALUE}, as the embedded stack"
                    + " runs its segmenter: on CPU, more workers (--threads) scale better than more threads per call."})
    int torchThreads;

    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--pipeline",
            description = {"Measures the whole pipeline too: runs the offline measurement on the photos first, then"
                    + " starts the embedded stack with every service on free ports in a temp folder, uploads the"
                    + " same photos over HTTP, times each from upload to cutouts.published (the router publishes"
                    + " every photo, so each is rendered) and prints the ratio.",
                    "--threads and --batch set the segmenter's worker threads and batch size."})
    boolean pipeline;

    @Override
    public Integer call() throws Exception {
        if (count < 1 || threads < 1 || batch < 1 || warmup < 0 || torchThreads < 0) {
            throw new UserError("--count, --threads and --batch must be >= 1, --warmup and --torch-threads >= 0");
        }
        TorchThreads.limit(torchThreads);
        Path dir = images != null ? images : DEFAULT_IMAGES;
        PrintWriter out = spec.commandLine().getOut();
        if (pipeline) {
            new PipelineBench(this, out).run(PipelineBench.distinctPhotos(dir, count + warmup));
            out.flush();
            return 0;
        }
        List<byte[]> files = readPhotos(dir, count + warmup);
        ImageCodec codec = new ImageCodec();
        try (SegmenterModel model = modelOptions.load()) {
            printSetup(out, model, codec, files);
            Result remove = measureRemove(model, codec, files);
            print(out, "remove (decode+infer+refine+encode)", remove);
            List<BufferedImage> decoded = new ArrayList<>();
            for (byte[] bytes : files) {
                decoded.add(codec.decode(bytes).image());
            }
            Result infer = measure(model, indices(decoded.size()), (predictor, group) ->
                    predictor.infer(group.stream().map(decoded::get).toList()));
            print(out, "infer alone", infer);
            out.printf(Locale.ROOT, "inference share of the remove path: %.0f%%%n",
                    100.0 * infer.latency().mean() / remove.latency().mean());
        }
        out.flush();
        return 0;
    }

    void printSetup(PrintWriter out, SegmenterModel model, ImageCodec codec, List<byte[]> files) {
        DecodedImage first = codec.decode(files.get(0));
        out.printf(Locale.ROOT, "model %s %s, input %dpx; %d photos %dx%d; threads=%d torch-threads=%s batch=%d%n",
                model.name(), model.version(), model.inputSize(), count, first.width(), first.height(), threads,
                torchThreads == 0 ? "default" : torchThreads, batch);
    }

    /** The offline remove path (decode, infer, refine, render, encode) over {@code files}, warm-up first. */
    Result measureRemove(SegmenterModel model, ImageCodec codec, List<byte[]> files) throws Exception {
        return measure(model, files, (predictor, group) -> {
            List<BufferedImage> photos = new ArrayList<>();
            for (byte[] bytes : group) {
                photos.add(codec.decode(bytes).image());
            }
            List<AlphaMask> masks = predictor.segment(photos);
            CutoutRenderer renderer = new CutoutRenderer(RenderOptions.transparent());
            for (int i = 0; i < photos.size(); i++) {
                codec.encodePng(renderer.render(photos.get(i), masks.get(i)).image());
            }
        });
    }

    private interface Work<T> {
        void run(MaskPredictor predictor, List<T> group) throws Exception;
    }

    /** {@code cpuSeconds}: core-seconds of this process per timed image. */
    record Result(double throughput, LatencyStats latency, double cpuSeconds) {}

    /** Warm-up groups untimed, then every group timed; latency is per group (one batch). */
    private <T> Result measure(SegmenterModel model, List<T> items, Work<T> work) throws Exception {
        List<List<T>> groups = new ArrayList<>();
        for (int i = 0; i < items.size(); i += batch) {
            groups.add(items.subList(i, Math.min(items.size(), i + batch)));
        }
        int warmupGroups = (int) Math.ceil(warmup / (double) batch);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        long[] timedStart = new long[1];
        long[] cpuStart = new long[1];
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            try (MaskPredictor predictor = model.newPredictor(RefineOptions.defaults())) {
                for (int g = 0; g < Math.min(warmupGroups, groups.size()); g++) {
                    work.run(predictor, groups.get(g));
                }
            }
            next.set(warmupGroups);
            timedStart[0] = System.nanoTime();
            cpuStart[0] = ProcessCpu.nanos();
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    try (MaskPredictor predictor = model.newPredictor(RefineOptions.defaults())) {
                        for (int g = next.getAndIncrement(); g < groups.size(); g = next.getAndIncrement()) {
                            long start = System.nanoTime();
                            work.run(predictor, groups.get(g));
                            latencies.add(System.nanoTime() - start);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - timedStart[0]) / 1e9;
        int timedItems = items.size() - Math.min(items.size(), warmupGroups * batch);
        return new Result(timedItems / seconds, LatencyStats.ofNanos(latencies),
                ProcessCpu.secondsPerItem(cpuStart[0], ProcessCpu.nanos(), timedItems));
    }

    void print(PrintWriter out, String what, Result r) {
        out.printf(Locale.ROOT, "%-38s %.3f images/s  p50 %.0f ms  p99 %.0f ms per batch of %d  CPU %.2f core-s/image%n",
                what, r.throughput(), r.latency().p50(), r.latency().p99(), batch, r.cpuSeconds());
    }

    private static List<Integer> indices(int n) {
        List<Integer> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(i);
        }
        return list;
    }

    private static List<byte[]> readPhotos(Path dir, int n) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new UserError("no photo folder at " + dir + "; pass --images DIR");
        }
        List<Path> paths;
        try (Stream<Path> files = Files.list(dir)) {
            paths = files.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(jpe?g|png)$"))
                    .sorted().limit(n).toList();
        }
        if (paths.isEmpty()) {
            throw new UserError("no photos in " + dir);
        }
        List<byte[]> bytes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            bytes.add(Files.readAllBytes(paths.get(i % paths.size())));
        }
        return bytes;
    }
}

package dev.cutout.cli;

import dev.cutout.vision.data.PairFolder;
import dev.cutout.vision.infer.MaskPredictor;
import dev.cutout.vision.infer.SegmenterModel;
import dev.cutout.vision.mask.RefineOptions;
import dev.cutout.vision.verify.QualityDataset;
import dev.cutout.vision.verify.VerificationSummary;
import dev.cutout.vision.verify.VerifiedMask;
import dev.cutout.vision.verify.VerifiedMaskCsv;
import dev.cutout.vision.verify.VerifierEvaluation;
import dev.cutout.vision.verify.VerifierModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cutout verify-eval}: how well the verifier's scores match the truth on labelled folders. */
@Command(name = "verify-eval", mixinStandardHelpOptions = true,
        description = "Runs segmenter and verifier on labelled photos and prints n=.. spearman=.. mae=.. "
                + "publish_rate=.. precision=.. (predicted vs true IoU; at the verifier's thresholds the share "
                + "published without review and the share of those with IoU >= 0.95), then per cluster and folder.")
final class VerifyEvalCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--images", required = true, paramLabel = "DIR",
            description = "Photos (NAME.jpg); repeatable, paired in order with --masks.")
    List<Path> images;

    @Option(names = "--masks", required = true, paramLabel = "DIR", description = "Ground truth (NAME.png); repeatable.")
    List<Path> masks;

    @Option(names = "--limit", defaultValue = "0", paramLabel = "N",
            description = "Photos per folder, spread over it (0 = all). Default: ${DEFAULT-VALUE}.")
    int limit;

    @Option(names = "--held-out",
            description = "Only the photos that a segmenter training run on these folders holds out (its validation"
                    + " groups at the default --validation-percent): the verifier's calibration photos when the"
                    + " folders are its training data.")
    boolean heldOut;

    @Option(names = "--verifier", paramLabel = "PARAMS",
            description = "Verifier weights (verifier-0000.params, card beside it). Default: the shipped verifier.")
    Path verifier;

    @Option(names = "--scores", paramLabel = "FILE",
            description = "Also write one CSV row per photo: folder, photo, cluster, threshold, score, true IoU,"
                    + " good, auto-published, reasons.")
    Path scores;

    @Mixin
    ModelOptions segmenter;

    @Override
    public Integer call() throws Exception {
        if (images.size() != masks.size()) {
            throw new UserError("give one --masks folder per --images folder (" + images.size() + " vs "
                    + masks.size() + ")");
        }
        List<PairFolder> folders = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            if (!Files.isDirectory(images.get(i)) || !Files.isDirectory(masks.get(i))) {
                throw new UserError("--images and --masks must be folders: " + images.get(i) + ", " + masks.get(i));
            }
            folders.add(PairFolder.ofSeparateFolders(images.get(i), masks.get(i)));
        }
        List<VerifiedMask> verified = new ArrayList<>();
        try (SegmenterModel model = segmenter.load();
                MaskPredictor predictor = model.newPredictor(RefineOptions.defaults());
                VerifierModel verifierModel = loadVerifier()) {
            for (PairFolder folder : folders) {
                verified.addAll(new VerifierEvaluation().run(predictor, verifierModel, folder,
                        heldOut ? QualityDataset.Split.SEGMENTER_HELD_OUT : QualityDataset.Split.ALL, limit));
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(VerificationSummary.of(verified).format());
        Map<Integer, List<VerifiedMask>> byCluster = verified.stream()
                .collect(Collectors.groupingBy(m -> m.assessment().cluster().id(), TreeMap::new, Collectors.toList()));
        for (Map.Entry<Integer, List<VerifiedMask>> e : byCluster.entrySet()) {
            var cluster = e.getValue().get(0).assessment().cluster();
            out.printf("cluster=%d (%s) threshold=%.4f %s%n", cluster.id(), cluster.label(),
                    cluster.publishThreshold(), VerificationSummary.of(e.getValue()).format());
        }
        if (folders.size() > 1) {
            Map<String, List<VerifiedMask>> byFolder = verified.stream()
                    .collect(Collectors.groupingBy(VerifiedMask::folder, TreeMap::new, Collectors.toList()));
            for (Map.Entry<String, List<VerifiedMask>> e : byFolder.entrySet()) {
                out.printf("folder=%s %s%n", e.getKey(), VerificationSummary.of(e.getValue()).format());
            }
        }
        out.flush();
        if (scores != null) {
            writeScores(verified);
        }
        return 0;
    }

    private void writeScores(List<VerifiedMask> verified) throws IOException {
        Path parent = scores.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer writer = Files.newBufferedWriter(scores)) {
            VerifiedMaskCsv.write(verified, writer);
        }
    }

    private VerifierModel loadVerifier() throws IOException {
        if (verifier == null) {
            return VerifierModel.loadDefault();
        }
        if (!Files.isRegularFile(verifier)) {
            throw new UserError("no verifier weights at " + verifier);
        }
        return VerifierModel.load(verifier);
    }
}

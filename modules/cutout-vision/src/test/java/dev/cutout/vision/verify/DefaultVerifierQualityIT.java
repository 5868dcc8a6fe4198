package dev.cutout.vision.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cutout.vision.data.PairFolder;
import dev.cutout.vision.infer.MaskPredictor;
import dev.cutout.vision.infer.SegmenterModel;
import dev.cutout.vision.mask.RefineOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The verifier's quality tier: the committed verifier judging the committed segmenter's masks of
 * carvana-val and duts-val (never used for training), against the release thresholds: rank
 * correlation with the true IoU, and the precision of what it publishes without review. Runs with
 * {@code mvn -Pquality verify -pl modules/cutout-vision}; skipped, saying why, where
 * ../shared/datasets is absent.
 */
class DefaultVerifierQualityIT {

    private static final double MIN_SPEARMAN = 0.7;
    private static final double MIN_PRECISION = 0.99;

    private static PairFolder heldOut(String name) {
        Path datasets = Path.of(System.getProperty("cutout.datasets", "../../../shared/datasets"));
        Path dir = datasets.resolve(name);
        assumeTrue(Files.isDirectory(dir.resolve("images")),
                "skipped: real data not found at " + dir.toAbsolutePath() + " (set -Dcutout.datasets=DIR)");
        return PairFolder.of(dir, 1.0);
    }

    @Test
    void verifierRanksMasksAndPublishesOnlyGoodOnes() throws Exception {
        List<PairFolder> folders = List.of(heldOut("carvana-val"), heldOut("duts-val"));
        List<VerifiedMask> verified = new ArrayList<>();
        try (SegmenterModel segmenter = SegmenterModel.loadDefault(0);
                MaskPredictor predictor = segmenter.newPredictor(RefineOptions.defaults());
                VerifierModel verifier = VerifierModel.loadDefault()) {
            for (PairFolder folder : folders) {
                verified.addAll(new VerifierEvaluation().run(predictor, verifier, folder, 0));
            }
        }
        VerificationSummary summary = VerificationSummary.of(verified);
        System.out.println("carvana-val+duts-val: " + summary.format());
        assertThat(summary.n()).isEqualTo(620);
        assertThat(summary.spearman()).as("Spearman of predicted vs true IoU").isGreaterThanOrEqualTo(MIN_SPEARMAN);
        assertThat(summary.published()).as("masks published without review").isPositive();
        assertThat(summary.precision()).as("share of auto-published masks with IoU >= 0.95")
                .isGreaterThanOrEqualTo(MIN_PRECISION);
    }
}

package dev.cutout.vision.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutout.vision.data.ImageLoading;
import dev.cutout.vision.data.PairFolder;
import dev.cutout.vision.data.SyntheticPairs;
import dev.cutout.vision.infer.MaskPredictor;
import dev.cutout.vision.infer.SegmenterModel;
import dev.cutout.vision.mask.AlphaMask;
import dev.cutout.vision.mask.RefineOptions;
import dev.cutout.vision.quality.QualityAssessment;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The smoke training of the verifier: every step of a real run, on a tiny synthetic set. */
class VerifierTrainerTest {

    @TempDir
    Path dir;

    @Test
    void calibrationLossIsLowestForTheTruthAndGrowsWithTheError() {
        double[] truth = {0.97, 0.6, 0.9};
        double exact = VerifierTrainer.calibrationLoss(truth, truth);
        double near = VerifierTrainer.calibrationLoss(new double[] {0.95, 0.62, 0.9}, truth);
        double far = VerifierTrainer.calibrationLoss(new double[] {0.6, 0.97, 0.5}, truth);

        assertThat(exact).isLessThan(near);
        assertThat(near).isLessThan(far);
        assertThat(VerifierTrainer.calibrationLoss(new double[0], new double[0])).isNaN();
    }

    @Test
    void makesSamplesTrainsCalibratesAndReleasesALoadableVerifier() throws Exception {
        // 40 groups of one view: 5% held out gives 2 calibration photos, the rest train.
        PairFolder data = SyntheticPairs.write(dir.resolve("data"), 40, 1, 96, 72, 3);
        VerifierTrainingConfig config = new VerifierTrainingConfig(List.of(data), 12, 0, 3, 2, 8, 2e-3f, 2, 0.99, 0.9,
                3, 5L, dir.resolve("work"), dir.resolve("release"));

        VerifierTrainer.Result result;
        try (SegmenterModel segmenter = SegmenterModel.loadDefault(0);
                MaskPredictor predictor = segmenter.newPredictor(RefineOptions.defaults())) {
            result = new VerifierTrainer(config).run(predictor, "u2netp:test");
            assertThat(dir.resolve("work").toFile().list()).hasSize(2);

            VerifierCard card = result.card();
            assertThat(card.version()).isEqualTo(3);
            assertThat(card.history()).hasSize(2);
            assertThat(card.history()).allSatisfy(e -> assertThat(e.trainLoss()).isFinite().isPositive());
            assertThat(card.featureNames()).isEqualTo(QualityInputs.FEATURE_NAMES);
            assertThat(card.clusters().centroids()).hasSize(2);
            assertThat(card.publishPolicy().clusters()).hasSize(2);
            assertThat(card.publishPolicy().overall().threshold()).isBetween(0.0, 1.0);
            assertThat(card.segmenter()).isEqualTo("u2netp:test");
            assertThat(result.calibration()).hasSize(2).allMatch(QualitySample::isPrediction);

            Path weights = dir.resolve("release/verifier-0000.params");
            assertThat(weights).exists();
            assertThat(dir.resolve("release/verifier.card.json")).exists();
            try (VerifierModel verifier = VerifierModel.load(weights)) {
                assertThat(verifier.version()).isEqualTo(3);
                Path first = Files.list(dir.resolve("data/images")).sorted().findFirst().orElseThrow();
                BufferedImage photo = ImageLoading.read(first);
                AlphaMask mask = predictor.segment(photo);
                QualityAssessment verdict = verifier.assess(photo, mask);
                assertThat(verdict.score()).isBetween(0.0, 1.0);
                assertThat(verdict.cluster()).isNotNull();
                assertThat(verdict.cluster().id()).isBetween(0, 1);
                assertThat(verdict.cluster().publishThreshold())
                        .isEqualTo(card.publishPolicy().thresholdFor(verdict.cluster().id()));
                if (verdict.score() < verdict.cluster().publishThreshold()) {
                    assertThat(verdict.reasons()).isNotEmpty();
                } else {
                    assertThat(verdict.reasons()).isEmpty();
                }
                QualityAssessment empty = verifier.assess(photo, AlphaMask.filled(96, 72, 0f));
                assertThat(empty.score()).isZero();
            }

            // A second run reuses the cached samples instead of running the segmenter again.
            long modified = Files.getLastModifiedTime(dir.resolve("work").resolve(
                    dir.resolve("work").toFile().list()[0])).toMillis();
            new VerifierTrainer(config).run(predictor, "u2netp:test");
            assertThat(Files.getLastModifiedTime(dir.resolve("work").resolve(
                    dir.resolve("work").toFile().list()[0])).toMillis()).isEqualTo(modified);
        }
    }
}

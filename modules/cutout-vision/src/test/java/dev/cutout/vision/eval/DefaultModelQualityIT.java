package dev.cutout.vision.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cutout.vision.data.PairFolder;
import dev.cutout.vision.infer.MaskPredictor;
import dev.cutout.vision.infer.SegmenterModel;
import dev.cutout.vision.mask.RefineOptions;
import dev.cutout.vision.metrics.RunSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The quality tier: the committed default model on held-out real data at full resolution,
 * against the release thresholds. Runs with {@code mvn -Pquality verify -pl modules/cutout-vision};
 * skipped, saying why, where ../shared/datasets is absent.
 */
class DefaultModelQualityIT {

    private static final double CARVANA_MIN_DICE = 0.992;
    private static final double DUTS_MIN_MAX_F = 0.80;

    private static PairFolder heldOut(String name) {
        Path datasets = Path.of(System.getProperty("cutout.datasets", "../../../shared/datasets"));
        Path dir = datasets.resolve(name);
        assumeTrue(Files.isDirectory(dir.resolve("images")),
                "skipped: real data not found at " + dir.toAbsolutePath() + " (set -Dcutout.datasets=DIR)");
        return PairFolder.of(dir, 1.0);
    }

    private static RunSummary evaluate(PairFolder folder) throws Exception {
        try (SegmenterModel model = SegmenterModel.loadDefault(0);
                MaskPredictor predictor = model.newPredictor(RefineOptions.defaults())) {
            RunSummary summary = new SegmenterEvaluation().run(predictor, folder, 0).summary();
            System.out.println(folder.name() + ": " + summary.format());
            return summary;
        }
    }

    @Test
    void carvanaValidationDiceAtFullResolution() throws Exception {
        RunSummary summary = evaluate(heldOut("carvana-val"));
        assertThat(summary.n()).isEqualTo(320);
        assertThat(summary.meanDice()).as("carvana-val Dice at 1918x1280").isGreaterThanOrEqualTo(CARVANA_MIN_DICE);
    }

    @Test
    void dutsValidationMaxF() throws Exception {
        RunSummary summary = evaluate(heldOut("duts-val"));
        assertThat(summary.n()).isEqualTo(300);
        assertThat(summary.maxF()).as("duts-val max-F").isGreaterThanOrEqualTo(DUTS_MIN_MAX_F);
    }
}

package dev.cutout.vision.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import dev.cutout.vision.data.PairFolder;
import dev.cutout.vision.data.SyntheticPairs;
import dev.cutout.vision.infer.EdgeRefiner;
import dev.cutout.vision.infer.MaskPredictor;
import dev.cutout.vision.infer.SegmenterModel;
import dev.cutout.vision.mask.AlphaMask;
import dev.cutout.vision.mask.RefineOptions;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A smoke run of the edge refiner's training: every part of a real run, on a tiny synthetic set. */
class EdgeRefinerTrainerTest {

    @TempDir
    Path dir;

    private EdgeTrainingConfig config(PairFolder data, int epochs) {
        return EdgeTrainingConfig.defaults(List.of(data), dir.resolve("checkpoints"), dir.resolve("release"))
                .withSchedule(2, epochs, 0)
                .withPatches(32, 2)
                .withValidationLimit(2);
    }

    @Test
    void trainsCachesMasksReleasesResumesAndSharpensAtTheWorkingResolution() throws Exception {
        PairFolder data = SyntheticPairs.write(dir.resolve("data"), 6, 2, 96, 72, 5);

        EdgeRefinerTrainer.Result first = new EdgeRefinerTrainer(config(data, 1)).run();
        assertThat(first.history()).hasSize(1);
        assertThat(first.history().get(0).trainLoss()).isFinite().isPositive();
        assertThat(first.coarseIou()).isBetween(0.0, 1.0);
        assertThat(dir.resolve("checkpoints/checkpoint-0001.params")).exists();
        try (var cached = Files.list(dir.resolve("checkpoints/raw-masks/0-default/data"))) {
            assertThat(cached.filter(p -> p.toString().endsWith(".png")).count()).isEqualTo(12);
        }
        Path weights = dir.resolve("release/edge-refiner-0000.params");
        assertThat(weights).exists();
        ModelCard card = ModelCard.read(dir.resolve("release/edge-refiner.card.json"));
        assertThat(card.inputSize()).isEqualTo(EdgeRefiner.DEFAULT_WORKING_SIDE);
        assertThat(card.schedule()).containsKey("heldOutCoarseIou");

        EdgeRefinerTrainer.Result resumed = new EdgeRefinerTrainer(config(data, 2)).run();
        assertThat(resumed.history()).extracting(EpochRecord::epoch).containsExactly(1, 2);
        assertThat(dir.resolve("checkpoints/checkpoint-0002.params")).exists();

        BufferedImage photo;
        try (var images = Files.list(dir.resolve("data/images"))) {
            photo = ImageIO.read(images.sorted().findFirst().orElseThrow().toFile());
        }
        try (EdgeRefiner refiner = EdgeRefiner.load(weights, Device.cpu());
                SegmenterModel model = SegmenterModel.loadDefault(64).withEdgeRefiner(refiner);
                MaskPredictor predictor = model.newPredictor(RefineOptions.defaults())) {
            assertThat(refiner.version()).matches("epoch-[12]");
            AlphaMask mask = predictor.segment(photo);
            assertThat(mask.width()).isEqualTo(96);
            assertThat(mask.height()).isEqualTo(72);
            for (float v : mask.values()) {
                assertThat(v).isBetween(0f, 1f);
            }
            // A batch goes through the same steps as a single photo.
            assertThat(predictor.segment(List.of(photo)).get(0)).isEqualTo(mask);
        }
    }

    @Test
    void shiftMovesAMaskByFractionsOfItsPixels() {
        float[] step = new float[8 * 2];
        for (int y = 0; y < 2; y++) {
            for (int x = 4; x < 8; x++) {
                step[y * 8 + x] = 1f;
            }
        }
        AlphaMask mask = AlphaMask.of(8, 2, step);
        AlphaMask right = EdgePatches.shift(mask, 1f, 0f);
        assertThat(right.get(4, 0)).isZero();
        assertThat(right.get(5, 1)).isEqualTo(1f);
        AlphaMask half = EdgePatches.shift(mask, -0.5f, 0f);
        assertThat(half.get(3, 0)).isEqualTo(0.5f);
        assertThat(half.get(4, 0)).isEqualTo(1f);
        assertThat(EdgePatches.shift(mask, 0f, 0f)).isEqualTo(mask);
    }
}

package dev.cutout.vision.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import dev.cutout.vision.data.PairFolder;
import dev.cutout.vision.data.SyntheticPairs;
import dev.cutout.vision.infer.MaskPredictor;
import dev.cutout.vision.infer.SegmenterModel;
import dev.cutout.vision.mask.AlphaMask;
import dev.cutout.vision.mask.RefineOptions;
import dev.cutout.vision.model.U2NetSize;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two-batch smoke training: every part of a real run, on a tiny synthetic set. */
class SegmenterTrainerTest {

    @TempDir
    Path dir;

    private TrainingConfig config(PairFolder data, int epochs) {
        return new TrainingConfig(List.of(data), U2NetSize.SMALL, 64, 2, epochs, 2, 1e-3f, 1, 1f, 96, 20, 4,
                dir.resolve("checkpoints"), dir.resolve("release"), 1L, 0, null);
    }

    private TrainingConfig fineTuning(PairFolder data, Path weights) {
        return new TrainingConfig(List.of(data), U2NetSize.SMALL, 96, 2, 1, 2, 1e-4f, 1, 1f, 96, 20, 4,
                dir.resolve("fine-tune/checkpoints"), dir.resolve("fine-tune/release"), 1L, 0, weights);
    }

    @Test
    void trainsChecksPointsReleasesAndResumes() throws Exception {
        PairFolder data = SyntheticPairs.write(dir.resolve("data"), 6, 2, 96, 72, 5);

        SegmenterTrainer.TrainingResult first = new SegmenterTrainer(config(data, 1)).run();
        assertThat(first.history()).hasSize(1);
        EpochRecord epoch = first.history().get(0);
        assertThat(epoch.trainLoss()).isFinite().isPositive();
        assertThat(epoch.validationIou()).isBetween(0.0, 1.0);
        assertThat(dir.resolve("checkpoints/checkpoint-0001.params")).exists();
        assertThat(dir.resolve("checkpoints/state.json")).exists();
        assertThat(dir.resolve("checkpoints/curves.png")).exists();
        Path weights = dir.resolve("release/u2netp-0000.params");
        assertThat(weights).exists();
        ModelCard card = ModelCard.read(dir.resolve("release/u2netp.card.json"));
        assertThat(card.parameters()).isEqualTo(1_131_181L);
        assertThat(card.inputSize()).isEqualTo(64);
        assertThat(card.history()).hasSize(1);
        assertThat(card.schedule()).doesNotContainKey("fineTunedFrom");

        SegmenterTrainer.TrainingResult resumed = new SegmenterTrainer(config(data, 2)).run();
        assertThat(resumed.history()).extracting(EpochRecord::epoch).containsExactly(1, 2);
        assertThat(dir.resolve("checkpoints/checkpoint-0002.params")).exists();
        assertThat(dir.resolve("checkpoints/checkpoint-0001.params")).doesNotExist();
        // Every epoch's weights stay as a snapshot for averaging.
        assertThat(dir.resolve("checkpoints/snapshots/epoch-0001-0000.params")).exists();
        assertThat(dir.resolve("checkpoints/snapshots/epoch-0002-0000.params")).exists();
        WeightAveraging.average(List.of(dir.resolve("checkpoints/snapshots/epoch-0001-0000.params"),
                dir.resolve("checkpoints/snapshots/epoch-0002-0000.params")), U2NetSize.SMALL, "swa-1-2",
                dir.resolve("averaged"), null);
        assertThat(dir.resolve("averaged/u2netp-0000.params")).exists();

        // Fine-tuning at another input size starts from the released weights, and its card says from which.
        String released = ModelCard.read(dir.resolve("release/u2netp.card.json")).version();
        new SegmenterTrainer(fineTuning(data, weights)).run();
        ModelCard fineTuned = ModelCard.read(dir.resolve("fine-tune/release/u2netp.card.json"));
        assertThat(fineTuned.inputSize()).isEqualTo(96);
        assertThat(fineTuned.schedule()).containsEntry("fineTunedFrom", "u2netp " + released);

        try (SegmenterModel model = SegmenterModel.load(weights, U2NetSize.SMALL, 0, Device.cpu());
                MaskPredictor predictor = model.newPredictor(RefineOptions.defaults())) {
            assertThat(model.inputSize()).isEqualTo(64);
            var photo = ImageIO.read(Files.list(dir.resolve("data/images")).sorted().findFirst().orElseThrow().toFile());
            AlphaMask mask = predictor.segment(photo);
            assertThat(mask.width()).isEqualTo(96);
            assertThat(mask.height()).isEqualTo(72);
            for (float v : mask.values()) {
                assertThat(v).isBetween(0f, 1f);
            }
        }
    }
}

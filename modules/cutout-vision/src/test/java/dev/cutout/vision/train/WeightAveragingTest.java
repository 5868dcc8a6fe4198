package dev.cutout.vision.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.PairList;
import dev.cutout.vision.data.PairFolder;
import dev.cutout.vision.data.SyntheticPairs;
import dev.cutout.vision.model.SegmenterModels;
import dev.cutout.vision.model.U2Net;
import dev.cutout.vision.model.U2NetSize;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeightAveragingTest {

    @TempDir
    Path dir;

    @Test
    void theMeanOfTwoSnapshotsLiesHalfwayAndItsCardNamesThem() throws Exception {
        float[] first;
        try (Model a = Model.newInstance("u2netp", "PyTorch")) {
            a.setBlock(new U2Net(U2NetSize.SMALL));
            a.getBlock().initialize(a.getNDManager(), DataType.FLOAT32, new Shape(1, 3, 64, 64));
            PairList<String, Parameter> params = a.getBlock().getParameters();
            first = params.get(0).getValue().getArray().toFloatArray();
            SegmenterModels.saveWeights(a, dir.resolve("a"), "u2netp");
            card("epoch-1", 160).write(dir.resolve("a"));
            // The second snapshot: every value three times the first's.
            for (int k = 0; k < params.size(); k++) {
                params.get(k).getValue().getArray().muli(3);
            }
            SegmenterModels.saveWeights(a, dir.resolve("b"), "u2netp");
            card("epoch-2", 192).write(dir.resolve("b"));
        }

        ModelCard card = WeightAveraging.average(List.of(dir.resolve("a/u2netp-0000.params"),
                dir.resolve("b/u2netp-0000.params")), U2NetSize.SMALL, "swa-1-2", dir.resolve("out"), null);

        assertThat(card.version()).isEqualTo("swa-1-2");
        assertThat(card.servingInputSize()).isEqualTo(192);
        assertThat(card.parameters()).isEqualTo(1_131_181L);
        assertThat(card.schedule()).containsEntry("averagedSnapshots", List.of("epoch-1", "epoch-2"))
                .containsEntry("batchNormStatistics", "averaged with the weights");
        assertThat(ModelCard.read(dir.resolve("out/u2netp.card.json")).version()).isEqualTo("swa-1-2");
        try (Model mean = Model.newInstance("u2netp", "PyTorch")) {
            mean.setBlock(new U2Net(U2NetSize.SMALL));
            SegmenterModels.loadWeights(mean, dir.resolve("out/u2netp-0000.params"));
            float[] averaged = mean.getBlock().getParameters().get(0).getValue().getArray().toFloatArray();
            for (int i = 0; i < first.length; i++) {
                assertThat(averaged[i]).isCloseTo(2 * first[i], org.assertj.core.data.Offset.offset(1e-5f));
            }
        }
    }

    @Test
    void batchNormStatisticsCanBeRecomputedOnTrainingPhotosAtTheServingSize() throws Exception {
        PairFolder data = SyntheticPairs.write(dir.resolve("data"), 4, 2, 96, 72, 3);
        try (Model a = Model.newInstance("u2netp", "PyTorch")) {
            a.setBlock(new U2Net(U2NetSize.SMALL));
            a.getBlock().initialize(a.getNDManager(), DataType.FLOAT32, new Shape(1, 3, 64, 64));
            SegmenterModels.saveWeights(a, dir.resolve("a"), "u2netp");
            SegmenterModels.saveWeights(a, dir.resolve("b"), "u2netp");
            card("epoch-2", 64).write(dir.resolve("b"));
        }

        ModelCard card = WeightAveraging.average(List.of(dir.resolve("a/u2netp-0000.params"),
                dir.resolve("b/u2netp-0000.params")), U2NetSize.SMALL, "swa-1-2", dir.resolve("out"),
                new WeightAveraging.BatchNormData(List.of(data), 2));

        assertThat(card.schedule()).containsEntry("batchNormStatistics",
                "recomputed: the mean over 2 batches of 8 whole training photos at 64 px");
        try (Model mean = Model.newInstance("u2netp", "PyTorch")) {
            mean.setBlock(new U2Net(U2NetSize.SMALL));
            SegmenterModels.loadWeights(mean, dir.resolve("out/u2netp-0000.params"));
            // Fresh layers start at mean 0; recomputed on photos they are not.
            float[] runningMean = mean.getBlock().getParameters().stream()
                    .filter(p -> p.getValue().getType() == Parameter.Type.RUNNING_MEAN).findFirst().orElseThrow()
                    .getValue().getArray().toFloatArray();
            assertThat(runningMean).isNotEqualTo(new float[runningMean.length]);
        }
    }

    @Test
    void recomputingNeedsACardWithAnInputSize() throws Exception {
        try (Model a = Model.newInstance("u2netp", "PyTorch")) {
            a.setBlock(new U2Net(U2NetSize.SMALL));
            a.getBlock().initialize(a.getNDManager(), DataType.FLOAT32, new Shape(1, 3, 64, 64));
            SegmenterModels.saveWeights(a, dir.resolve("a"), "u2netp");
            SegmenterModels.saveWeights(a, dir.resolve("b"), "u2netp");
        }
        PairFolder data = SyntheticPairs.write(dir.resolve("data"), 2, 1, 32, 32, 3);

        assertThatThrownBy(() -> WeightAveraging.average(List.of(dir.resolve("a/u2netp-0000.params"),
                dir.resolve("b/u2netp-0000.params")), U2NetSize.SMALL, "v", dir.resolve("out"),
                new WeightAveraging.BatchNormData(List.of(data), 1)))
                .isInstanceOf(java.io.IOException.class).hasMessageContaining("names no input size");
    }

    @Test
    void oneSnapshotIsNotAnAverage() {
        assertThatThrownBy(() -> WeightAveraging.average(List.of(dir.resolve("a-0000.params")), U2NetSize.SMALL, "v",
                dir, null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least two");
    }

    private static ModelCard card(String version, int serving) {
        return new ModelCard("u2netp", version, "U2Net SMALL", 1_131_181L, 160, serving, List.of("data"),
                Map.of("epochs", 40), List.of(), null, ModelCard.RESEARCH_NOTICE);
    }
}

package dev.cutout.vision.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.cutout.vision.data.PairFolder;
import dev.cutout.vision.data.SyntheticPairs;
import dev.cutout.vision.model.U2Net;
import dev.cutout.vision.model.U2NetSize;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchNormStatisticsTest {

    @TempDir
    Path dir;

    @Test
    void recomputedStatisticsDependOnThePhotosAloneAndLeaveTheWeights() throws Exception {
        PairFolder folder = SyntheticPairs.write(dir.resolve("data"), 6, 2, 96, 72, 5);
        TrainingData data = TrainingData.load(List.of(folder), 96, 0);
        try (Model model = Model.newInstance("u2netp", "PyTorch")) {
            model.setBlock(new U2Net(U2NetSize.SMALL));
            model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 3, 64, 64));
            float[] weights = parameters(model, Parameter.Type.WEIGHT).get(0).toFloatArray();

            fill(model, 5f);
            BatchNormStatistics.recompute(model.getBlock(), model.getNDManager(), data, 64, 2, 3, 9);
            List<float[]> first = statistics(model);
            fill(model, -3f);
            BatchNormStatistics.recompute(model.getBlock(), model.getNDManager(), data, 64, 2, 3, 9);
            List<float[]> second = statistics(model);

            assertThat(first).hasSize(second.size()).isNotEmpty();
            for (int i = 0; i < first.size(); i++) {
                float[] a = first.get(i);
                float[] b = second.get(i);
                for (int j = 0; j < a.length; j++) {
                    assertThat(a[j]).isFinite().isNotEqualTo(5f).isCloseTo(b[j], org.assertj.core.data.Offset.offset(1e-4f));
                }
            }
            // Variances of real activations are positive.
            for (NDArray variance : parameters(model, Parameter.Type.RUNNING_VAR)) {
                for (float v : variance.toFloatArray()) {
                    assertThat(v).isPositive();
                }
            }
            assertThat(parameters(model, Parameter.Type.WEIGHT).get(0).toFloatArray()).containsExactly(weights);
        }
    }

    @Test
    void atLeastOneBatchIsNeeded() {
        assertThatThrownBy(() -> BatchNormStatistics.recompute(null, null, null, 64, 2, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void fill(Model model, float value) {
        for (Parameter.Type type : new Parameter.Type[] {Parameter.Type.RUNNING_MEAN, Parameter.Type.RUNNING_VAR}) {
            for (NDArray statistic : parameters(model, type)) {
                float[] values = new float[(int) statistic.size()];
                Arrays.fill(values, value);
                statistic.set(values);
            }
        }
    }

    private static List<float[]> statistics(Model model) {
        List<float[]> values = new ArrayList<>();
        for (Parameter.Type type : new Parameter.Type[] {Parameter.Type.RUNNING_MEAN, Parameter.Type.RUNNING_VAR}) {
            parameters(model, type).forEach(statistic -> values.add(statistic.toFloatArray()));
        }
        return values;
    }

    private static List<NDArray> parameters(Model model, Parameter.Type type) {
        List<NDArray> arrays = new ArrayList<>();
        for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
            if (p.getValue().getType() == type) {
                arrays.add(p.getValue().getArray());
            }
        }
        return arrays;
    }
}

package dev.cutout.vision.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import org.junit.jupiter.api.Test;

class U2NetTest {

    @Test
    void smallModelHasThePublishedParameterCount() {
        assertThat(parameterCount(U2NetSize.SMALL)).isEqualTo(1_131_181L);
    }

    @Test
    void fullModelHasThePublishedParameterCount() {
        assertThat(parameterCount(U2NetSize.FULL)).isEqualTo(44_009_869L);
    }

    @Test
    void producesFusedAndSixSideMapsAtInputResolutionForOddSizes() {
        try (NDManager manager = NDManager.newBaseManager()) {
            U2Net net = new U2Net(U2NetSize.SMALL);
            Shape input = new Shape(2, 3, 75, 53);
            net.initialize(manager, DataType.FLOAT32, input);
            NDArray x = manager.randomUniform(0, 1, input);
            NDList out = net.forward(new ParameterStore(manager, false), new NDList(x), false);
            assertThat(out).hasSize(7);
            for (NDArray map : out) {
                assertThat(map.getShape()).isEqualTo(new Shape(2, 1, 75, 53));
            }
            assertThat(net.getOutputShapes(new Shape[] {input})).hasSize(7).containsOnly(new Shape(2, 1, 75, 53));
        }
    }

    private static long parameterCount(U2NetSize size) {
        try (NDManager manager = NDManager.newBaseManager()) {
            U2Net net = new U2Net(size);
            net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 64, 64));
            long total = 0;
            for (Pair<String, Parameter> p : net.getParameters()) {
                // Batch-norm running statistics are state, not learned parameters.
                if (p.getValue().requiresGradient()) {
                    total += p.getValue().getArray().size();
                }
            }
            return total;
        }
    }
}

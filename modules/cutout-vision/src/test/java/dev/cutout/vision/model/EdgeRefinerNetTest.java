package dev.cutout.vision.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import org.junit.jupiter.api.Test;

class EdgeRefinerNetTest {

    @Test
    void hasTheExpectedParametersAndReceptiveField() {
        try (NDManager manager = NDManager.newBaseManager()) {
            EdgeRefinerNet net = new EdgeRefinerNet(16);
            net.initialize(manager, DataType.FLOAT32, new Shape(1, 4, 32, 32));
            // 4->16 conv (576 + 16 bias) and its norm (32); five 16->16 convs (2304 + 16) with norms (32); 1x1 head (17).
            assertThat(SegmenterModels.parameterCount(net)).isEqualTo(624 + 5 * 2352 + 17);
            assertThat(EdgeRefinerNet.receptiveField()).isEqualTo(65);
        }
    }

    @Test
    void keepsTheInputResolutionForOddSizes() {
        try (NDManager manager = NDManager.newBaseManager()) {
            EdgeRefinerNet net = new EdgeRefinerNet(8);
            Shape input = new Shape(2, 4, 37, 51);
            net.initialize(manager, DataType.FLOAT32, input);
            NDList out = net.forward(new ParameterStore(manager, false),
                    new NDList(manager.randomUniform(0, 1, input)), false);
            assertThat(out.singletonOrThrow().getShape()).isEqualTo(new Shape(2, 1, 37, 51));
            assertThat(net.getOutputShapes(new Shape[] {input})).containsExactly(new Shape(2, 1, 37, 51));
        }
    }

    @Test
    void withoutACorrectionReturnsTheCoarseMasksOwnLogit() {
        try (NDManager manager = NDManager.newBaseManager()) {
            EdgeRefinerNet net = new EdgeRefinerNet(8);
            Shape input = new Shape(1, 4, 9, 9);
            net.initialize(manager, DataType.FLOAT32, input);
            for (Pair<String, Parameter> p : net.getParameters()) {
                if (p.getKey().contains("head")) {
                    p.getValue().getArray().muli(0);
                }
            }
            NDArray x = manager.randomUniform(0, 1, input);
            NDArray logits = net.forward(new ParameterStore(manager, false), new NDList(x), false).singletonOrThrow();
            float[] alpha = x.get("0, 3").toFloatArray();
            float[] out = logits.toFloatArray();
            for (int i = 0; i < alpha.length; i++) {
                assertThat(out[i]).isCloseTo(EdgeRefinerNet.PRIOR_GAIN * (2 * alpha[i] - 1), org.assertj.core.data.Offset.offset(1e-5f));
            }
        }
    }

    @Test
    void rejectsInputsWithoutTheCoarseMaskChannel() {
        try (NDManager manager = NDManager.newBaseManager()) {
            EdgeRefinerNet net = new EdgeRefinerNet(8);
            assertThatThrownBy(() -> net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 16, 16)))
                    .hasMessageContaining("4 input channels");
        }
    }
}

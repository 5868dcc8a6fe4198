package dev.cutout.segmenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cutout.vision.model.U2NetSize;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SegmenterConfigTest {

    @Test
    void readsTypedValues() {
        SegmenterConfig config = new SegmenterConfig(Map.of(
                SegmenterConfig.MAX_BATCH_SIZE, "8",
                SegmenterConfig.MAX_BATCH_DELAY_MS, "25",
                SegmenterConfig.MAX_IN_FLIGHT, "64",
                SegmenterConfig.MODEL_INPUT_SIZE, "64",
                SegmenterConfig.MODEL_PATH, "/models/u2netp-0000.params",
                SegmenterConfig.MODEL_ARCHITECTURE, "u2net",
                SegmenterConfig.REFINE_FILL_HOLES, "true"));
        assertThat(config.maxBatchSize()).isEqualTo(8);
        assertThat(config.maxBatchDelay().toMillis()).isEqualTo(25);
        assertThat(config.maxInFlight()).isEqualTo(64);
        assertThat(config.modelInputSize()).isEqualTo(64);
        assertThat(config.modelPath()).contains(Path.of("/models/u2netp-0000.params"));
        assertThat(config.modelArchitecture()).isEqualTo(U2NetSize.FULL);
        assertThat(config.refineOptions().fillHoles()).isTrue();
        assertThat(config.device().getDeviceType()).isEqualTo("cpu");
    }

    @Test
    void defaultsToTheShippedModel() {
        SegmenterConfig config = new SegmenterConfig(Map.of());
        assertThat(config.modelPath()).isEmpty();
        assertThat(config.hotSwap()).isTrue();
    }

    @Test
    void refusesAnInputSizeThatIsNoMultipleOf32AndAnUnknownDevice() {
        assertThatThrownBy(() -> new SegmenterConfig(Map.of(SegmenterConfig.MODEL_INPUT_SIZE, "100")))
                .hasMessageContaining(SegmenterConfig.MODEL_INPUT_SIZE);
        assertThatThrownBy(() -> new SegmenterConfig(Map.of(SegmenterConfig.DEVICE, "tpu")))
                .hasMessageContaining(SegmenterConfig.DEVICE);
    }
}

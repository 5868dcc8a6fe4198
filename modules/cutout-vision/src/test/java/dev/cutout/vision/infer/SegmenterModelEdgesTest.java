package dev.cutout.vision.infer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** How a setting picks the edge refiner that sharpens a segmenter's masks. */
class SegmenterModelEdgesTest {

    @Test
    void defaultKeepsTheShippedRefinerNoneDropsItAndAMissingFileIsAClearError() throws IOException {
        SegmenterModel shipped = SegmenterModel.loadDefault(64);
        SegmenterModel plain = null;
        try {
            assertThat(shipped.edgeRefiner().isPresent()).isEqualTo(EdgeRefiner.hasDefault());
            assertThat(shipped.withEdges(SegmenterModel.EDGES_DEFAULT, Device.cpu())).isSameAs(shipped);
            assertThatThrownBy(() -> shipped.withEdges("no/such/edge-refiner-0000.params", Device.cpu()))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("no edge refiner weights at no/such/edge-refiner-0000.params");
            plain = shipped.withEdges(SegmenterModel.EDGES_NONE, Device.cpu());
            assertThat(plain.edgeRefiner()).isEmpty();
            assertThat(plain.inputSize()).isEqualTo(64);
        } finally {
            // The two share the network; the one returned last owns it.
            (plain != null ? plain : shipped).close();
        }
    }
}

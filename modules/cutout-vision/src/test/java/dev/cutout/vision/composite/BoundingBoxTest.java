package dev.cutout.vision.composite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cutout.vision.mask.AlphaMask;
import org.junit.jupiter.api.Test;

class BoundingBoxTest {

    @Test
    void enclosesThePixelsAtOrAboveTheThreshold() {
        float[] v = new float[10 * 8];
        v[2 * 10 + 3] = 1f;
        v[5 * 10 + 7] = 0.6f;
        v[6 * 10 + 1] = 0.3f;
        AlphaMask mask = AlphaMask.of(10, 8, v);

        assertThat(BoundingBox.of(mask)).isEqualTo(new BoundingBox(3, 2, 5, 4));
        assertThat(BoundingBox.of(mask, 0.2f)).isEqualTo(new BoundingBox(1, 2, 7, 5));
        assertThat(BoundingBox.of(mask, 0.9f)).isEqualTo(new BoundingBox(3, 2, 1, 1));
    }

    @Test
    void anEmptyMaskHasTheEmptyBox() {
        BoundingBox box = BoundingBox.of(AlphaMask.filled(5, 5, 0.2f));
        assertThat(box).isEqualTo(BoundingBox.EMPTY);
        assertThat(box.isEmpty()).isTrue();
        assertThat(box.expand(10)).isEqualTo(BoundingBox.EMPTY);
    }

    @Test
    void aFullMaskHasTheWholeImage() {
        assertThat(BoundingBox.of(AlphaMask.filled(6, 4, 1f))).isEqualTo(BoundingBox.ofSize(6, 4));
    }

    @Test
    void expandClipTranslateAndContain() {
        BoundingBox box = new BoundingBox(3, 2, 5, 4);

        assertThat(box.right()).isEqualTo(8);
        assertThat(box.bottom()).isEqualTo(6);
        assertThat(box.area()).isEqualTo(20);
        assertThat(box.expand(4)).isEqualTo(new BoundingBox(-1, -2, 13, 12));
        assertThat(box.expand(1, 0, 2, 3)).isEqualTo(new BoundingBox(2, 2, 8, 7));
        assertThat(box.expand(-3)).isEqualTo(new BoundingBox(6, 5, 0, 0));
        assertThat(box.expand(4).clip(10, 8)).isEqualTo(new BoundingBox(0, 0, 10, 8));
        assertThat(box.clip(5, 3)).isEqualTo(new BoundingBox(3, 2, 2, 1));
        assertThat(box.clip(2, 2)).isEqualTo(BoundingBox.EMPTY);
        assertThat(box.translate(-3, 1)).isEqualTo(new BoundingBox(0, 3, 5, 4));
        assertThat(box.contains(3, 2)).isTrue();
        assertThat(box.contains(8, 2)).isFalse();
        assertThatThrownBy(() -> new BoundingBox(0, 0, -1, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}

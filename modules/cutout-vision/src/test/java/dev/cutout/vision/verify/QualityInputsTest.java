package dev.cutout.vision.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cutout.vision.mask.AlphaMask;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class QualityInputsTest {

    /** A dark square product on a white background, and its exact mask. */
    private static BufferedImage photo(int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setColor(new Color(40, 60, 90));
        g.fillRect(w / 4, h / 4, w / 2, h / 2);
        g.dispose();
        return image;
    }

    private static AlphaMask mask(int w, int h) {
        float[] values = new float[w * h];
        for (int y = h / 4; y < h / 4 + h / 2; y++) {
            for (int x = w / 4; x < w / 4 + w / 2; x++) {
                values[y * w + x] = 1f;
            }
        }
        return AlphaMask.of(w, h, values);
    }

    @Test
    void viewShrinksToTheWorkingSideKeepingTheAspect() {
        QualityView view = QualityView.of(photo(1920, 1280), mask(1920, 1280));
        assertThat(view.width()).isEqualTo(QualityView.WORKING_SIDE);
        assertThat(view.height()).isEqualTo(213);
        assertThat(view.mask().area() / view.mask().pixelCount()).isCloseTo(0.25, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void smallPhotosAreNotUpscaled() {
        QualityView view = QualityView.of(photo(200, 100), mask(200, 100));
        assertThat(view.width()).isEqualTo(200);
        assertThat(view.height()).isEqualTo(100);
    }

    @Test
    void viewRejectsAPhotoOfAnotherSizeOnlyWhenBuiltDirectly() {
        assertThatThrownBy(() -> new QualityView(photo(20, 10), mask(10, 10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("differ in size");
        assertThat(QualityView.of(photo(40, 40), mask(20, 20)).width()).isEqualTo(20);
    }

    @Test
    void picturePlanesAndFeaturesHaveTheDocumentedLayout() {
        QualityInputs inputs = QualityInputs.of(QualityView.of(photo(400, 300), mask(400, 300)));
        int plane = QualityInputs.INPUT_SIDE * QualityInputs.INPUT_SIDE;
        assertThat(inputs.image()).hasSize(QualityInputs.CHANNELS * plane);
        assertThat(inputs.features()).hasSize(QualityInputs.FEATURE_NAMES.size());
        // The centre pixel is product: dark photo channels, mask 1; the corner is white background, mask 0.
        int centre = (QualityInputs.INPUT_SIDE / 2) * QualityInputs.INPUT_SIDE + QualityInputs.INPUT_SIDE / 2;
        assertThat(inputs.image()[centre]).isCloseTo(40 / 127.5f - 1f, org.assertj.core.data.Offset.offset(0.02f));
        assertThat(inputs.image()[3 * plane + centre]).isEqualTo(1f);
        assertThat(inputs.image()[0]).isCloseTo(1f, org.assertj.core.data.Offset.offset(0.01f));
        assertThat(inputs.image()[3 * plane]).isZero();
        // Features: the evidence first (area share 0.25), then the cluster features.
        assertThat(inputs.features()[0]).isCloseTo(0.25f, org.assertj.core.data.Offset.offset(0.01f));
        assertThat(QualityInputs.FEATURE_NAMES.subList(QualityInputs.FEATURE_NAMES.size() - ClusterFeatures.NAMES.size(),
                QualityInputs.FEATURE_NAMES.size())).isEqualTo(ClusterFeatures.NAMES);
        assertThat(inputs.clusterFeatures()).hasSize(ClusterFeatures.NAMES.size());
    }

    @Test
    void scalerStandardisesAndClips() {
        FeatureScaler scaler = FeatureScaler.fit(List.of(new float[] {0, 10}, new float[] {2, 10}));
        assertThat(scaler.means()).containsExactly(1, 10);
        assertThat(scaler.apply(new float[] {3, 10})).containsExactly(2f, 0f);
        assertThat(scaler.apply(new float[] {1000, 10})[0]).isEqualTo((float) FeatureScaler.CLIP);
        assertThatThrownBy(() -> scaler.apply(new float[] {1})).isInstanceOf(IllegalArgumentException.class);
    }
}

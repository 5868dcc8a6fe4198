package dev.cutout.publisher;

import dev.cutout.common.image.ImageFormat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cutout.events.ModelRef;
import java.awt.image.BufferedImage;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutputProfilesTest {

    private final OutputProfiles profiles = new PublisherConfig(Map.of(
            PublisherConfig.WHITE_JPEG_LONG_SIDE, 300)).profiles();

    @Test
    void missingProfileFallsBackToTheDefaultAndUnknownOnesAreRefused() {
        assertThat(profiles.resolve(null)).get().extracting(OutputProfile::name).isEqualTo(OutputProfiles.TRANSPARENT);
        assertThat(profiles.resolve(" white-jpeg ")).get().extracting(OutputProfile::format)
                .isEqualTo(ImageFormat.JPEG);
        assertThat(profiles.resolve("sepia")).isEmpty();
    }

    @Test
    void cutoutKeyNamesPhotoProfileAndModelVersion() {
        OutputProfile jpeg = profiles.resolve(OutputProfiles.WHITE_JPEG).orElseThrow();
        assertThat(CutoutKeys.of("p1", jpeg, new ModelRef("u2netp", 3))).isEqualTo("p1/white-jpeg/u2netp-v3.jpg");
    }

    @Test
    void scalingKeepsTheAspectRatioAtTheLongSide() {
        BufferedImage scaled = CutoutRendering.scaleToLongSide(new BufferedImage(400, 200, BufferedImage.TYPE_INT_RGB),
                300);
        assertThat(scaled.getWidth()).isEqualTo(300);
        assertThat(scaled.getHeight()).isEqualTo(150);
    }
}

package dev.cutout.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutout.common.image.ImageFormat;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestConfigTest {

    @Test
    void hotFolderAndS3PollerAreOffUntilConfigured() {
        IngestConfig defaults = new IngestConfig(Map.of());
        assertThat(defaults.hotFolder()).isEmpty();
        assertThat(defaults.s3PrefixBucket()).isEmpty();
        assertThat(defaults.describe()).contains("ingest.http.token = [hidden]");

        IngestConfig set = new IngestConfig(Map.of(IngestConfig.HOT_FOLDER, "inbox",
                IngestConfig.MAX_UPLOAD_BYTES, "1000"));
        assertThat(set.hotFolder()).hasValueSatisfying(p -> assertThat(p.toString()).isEqualTo("inbox"));
        assertThat(set.imageLimits().maxBytes()).isEqualTo(1000);
    }

    @Test
    void sameBytesGiveTheSameIdAndKey() {
        byte[] a = "photo".getBytes(StandardCharsets.UTF_8);
        assertThat(PhotoIds.of(a)).isEqualTo(PhotoIds.of(a.clone())).hasSize(64);
        assertThat(PhotoIds.originalKey(PhotoIds.of(a), ImageFormat.PNG)).isEqualTo(
                "originals/" + PhotoIds.of(a) + ".png");
        assertThat(PhotoIds.of(a)).isNotEqualTo(PhotoIds.of("other".getBytes(StandardCharsets.UTF_8)));
    }
}

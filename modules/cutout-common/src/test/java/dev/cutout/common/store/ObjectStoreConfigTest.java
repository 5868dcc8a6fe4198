package dev.cutout.common.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ObjectStoreConfigTest {

    @Test
    void toStringHidesTheSecretKey() {
        ObjectStoreConfig config = ObjectStoreConfig.of("http://localhost:9000", "cutout", "s3cr3t-value");

        assertThat(config.toString()).contains("accessKey=cutout").contains("secretKey=[hidden]")
                .doesNotContain("s3cr3t-value");
        assertThat(config.secretKey()).isEqualTo("s3cr3t-value");
    }

    @Test
    void defaultsAreApplied() {
        ObjectStoreConfig config = ObjectStoreConfig.of("https://s3.example.com", "a", "b");

        assertThat(config.region()).isEqualTo("us-east-1");
        assertThat(config.retryAttempts()).isEqualTo(5);
        assertThat(config.retryBackoff()).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void invalidValuesAreRejectedWithTheirName() {
        assertThatThrownBy(() -> ObjectStoreConfig.of("localhost:9000", "a", "b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http(s) URL");
        assertThatThrownBy(() -> ObjectStoreConfig.of("http://localhost:9000", "a", "b").withRetries(0, Duration.ZERO))
                .hasMessageContaining("retryAttempts must be >= 1");
    }
}

package dev.cutout.common.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The client against an address where no server listens: the store is down. */
class ObjectStoreUnreachableTest {

    @Test
    void aStoreThatIsDownIsReportedAsTransientAfterTheRetries() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ObjectStoreConfig config = ObjectStoreConfig.of("http://127.0.0.1:" + closedPort, "a", "b")
                .withRetries(3, Duration.ofMillis(10))
                .withRequestTimeout(Duration.ofSeconds(2));

        try (ObjectStore store = ObjectStore.connect(config)) {
            assertThatThrownBy(() -> store.put(Buckets.PHOTOS, "p1", new byte[] {1, 2, 3}, "image/png"))
                    .isInstanceOf(ObjectStoreException.class)
                    .hasMessageContaining("put photos/p1 failed after 3 attempts")
                    .hasMessageContaining("ConnectException")
                    .satisfies(e -> assertThat(((ObjectStoreException) e).isTransient()).isTrue());
        }
    }

    @Test
    void presigningNeedsNoServer() {
        try (ObjectStore store = ObjectStore.connect(ObjectStoreConfig.of("http://127.0.0.1:1", "a", "b"))) {
            String url = store.presignedGet(Buckets.MASKS, "p1/mask.png", Duration.ofMinutes(5)).toString();

            assertThat(url).startsWith("http://127.0.0.1:1/masks/p1/mask.png?")
                    .contains("X-Amz-Expires=300").contains("X-Amz-Signature=");
            assertThatThrownBy(() -> store.presignedGet(Buckets.MASKS, "k", Duration.ofDays(8)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}

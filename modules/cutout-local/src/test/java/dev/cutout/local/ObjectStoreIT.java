package dev.cutout.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cutout.common.store.Buckets;
import dev.cutout.common.store.ObjectNotFoundException;
import dev.cutout.common.store.ObjectRef;
import dev.cutout.common.store.ObjectStore;
import dev.cutout.common.store.ObjectStoreConfig;
import dev.cutout.common.store.ObjectStoreException;
import dev.cutout.common.store.ObjectSummary;
import dev.cutout.common.store.Sha256;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@link ObjectStore} client against the real embedded S3 server. */
class ObjectStoreIT {

    private static final byte[] PHOTO = "not really a jpeg, but bytes all the same".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dataDir;

    private EmbeddedObjectStore server;
    private ObjectStore store;

    @BeforeEach
    void start() {
        server = new EmbeddedObjectStore(EmbeddedObjectStore.Settings.defaults(dataDir).withPort(0)).start();
        store = ObjectStore.connect(fastRetries(server.clientConfig()));
        store.ensureBuckets(Buckets.ALL);
    }

    @AfterEach
    void stop() {
        if (store != null) {
            store.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static ObjectStoreConfig fastRetries(ObjectStoreConfig config) {
        return config.withRetries(2, Duration.ofMillis(20)).withRequestTimeout(Duration.ofSeconds(10));
    }

    @Test
    void putStoresContentWithItsChecksumAndContentType() {
        ObjectRef ref = store.put(Buckets.PHOTOS, "p-1/original.jpg", PHOTO, "image/jpeg");

        assertThat(ref).isEqualTo(new ObjectRef(Buckets.PHOTOS, "p-1/original.jpg", Sha256.hex(PHOTO),
                PHOTO.length, "image/jpeg"));
        assertThat(store.stat(Buckets.PHOTOS, "p-1/original.jpg")).contains(ref);
        assertThat(store.get(Buckets.PHOTOS, "p-1/original.jpg")).isEqualTo(PHOTO);
        assertThat(store.get(ref)).isEqualTo(PHOTO);
    }

    @Test
    void putOverwritesTheSameKeySoRetriesStayIdempotent() {
        store.put(Buckets.MASKS, "p-1/u2netp-3.png", new byte[] {1}, "image/png");
        ObjectRef second = store.put(Buckets.MASKS, "p-1/u2netp-3.png", new byte[] {2, 2}, "image/png");

        assertThat(store.get(Buckets.MASKS, "p-1/u2netp-3.png")).containsExactly(2, 2);
        assertThat(store.list(Buckets.MASKS, "p-1/")).hasSize(1);
        assertThat(store.stat(Buckets.MASKS, "p-1/u2netp-3.png")).contains(second);
    }

    @Test
    void getWithAStaleReferenceFailsItsChecksum() {
        ObjectRef old = store.put(Buckets.PHOTOS, "p-2", PHOTO, "image/jpeg");
        store.put(Buckets.PHOTOS, "p-2", "changed".getBytes(StandardCharsets.UTF_8), "image/jpeg");

        assertThatThrownBy(() -> store.get(old))
                .isInstanceOf(ObjectStoreException.class)
                .hasMessageContaining("does not match its reference")
                .satisfies(e -> assertThat(((ObjectStoreException) e).errorCode()).isEqualTo("ChecksumMismatch"));
    }

    @Test
    void largeObjectsRoundTrip() {
        byte[] large = new byte[12 * 1024 * 1024];
        new Random(1).nextBytes(large);

        ObjectRef ref = store.put(Buckets.DATASETS, "shard-0001.bin", large, null);

        assertThat(ref.contentType()).isEqualTo("application/octet-stream");
        assertThat(store.get(ref)).isEqualTo(large);
    }

    @Test
    void listReturnsTheKeysUnderAPrefixInOrder() {
        store.put(Buckets.CUTOUTS, "p-2/web.png", PHOTO, "image/png");
        store.put(Buckets.CUTOUTS, "p-1/web.png", PHOTO, "image/png");
        store.put(Buckets.CUTOUTS, "p-1/white.jpg", new byte[] {1, 2, 3}, "image/jpeg");

        assertThat(store.list(Buckets.CUTOUTS, "p-1/")).extracting(ObjectSummary::key)
                .containsExactly("p-1/web.png", "p-1/white.jpg");
        assertThat(store.list(Buckets.CUTOUTS, "")).extracting(ObjectSummary::key)
                .containsExactly("p-1/web.png", "p-1/white.jpg", "p-2/web.png");
        assertThat(store.list(Buckets.CUTOUTS, "p-1/white")).singleElement()
                .satisfies(s -> {
                    assertThat(s.size()).isEqualTo(3);
                    assertThat(s.lastModified()).isNotNull();
                });
        assertThat(store.list(Buckets.CUTOUTS, "p-9/")).isEmpty();
    }

    @Test
    void presignedUrlServesTheObjectOverPlainHttp() throws IOException, InterruptedException {
        store.put(Buckets.CUTOUTS, "p-3/web.png", PHOTO, "image/png");

        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(store.presignedGet(Buckets.CUTOUTS, "p-3/web.png", Duration.ofMinutes(5))).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(PHOTO);
        assertThat(response.headers().firstValue("Content-Type")).contains("image/png");

        HttpResponse<String> unsigned = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(server.endpoint().resolve("/cutouts/p-3/web.png")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unsigned.statusCode()).isEqualTo(403);
    }

    @Test
    void deleteRemovesTheObjectAndIsIdempotent() {
        store.put(Buckets.PHOTOS, "p-4", PHOTO, "image/jpeg");

        store.delete(Buckets.PHOTOS, "p-4");
        store.delete(Buckets.PHOTOS, "p-4");

        assertThat(store.stat(Buckets.PHOTOS, "p-4")).isEmpty();
        assertThatThrownBy(() -> store.get(Buckets.PHOTOS, "p-4"))
                .isInstanceOf(ObjectNotFoundException.class)
                .hasMessage("object photos/p-4 does not exist");
    }

    @Test
    void missingBucketFailsAtOnceWithoutRetrying() {
        long start = System.nanoTime();

        assertThatThrownBy(() -> store.put("no-such-bucket", "k", PHOTO, "image/jpeg"))
                .isInstanceOf(ObjectStoreException.class)
                .hasMessageContaining("put no-such-bucket/k failed: NoSuchBucket")
                .satisfies(e -> assertThat(((ObjectStoreException) e).isTransient()).isFalse());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void wrongSecretIsAPermanentFailure() {
        ObjectStoreConfig wrong = fastRetries(server.clientConfig()).withCredentials("cutout", "not-the-secret");
        try (ObjectStore intruder = ObjectStore.connect(wrong)) {
            assertThatThrownBy(() -> intruder.get(Buckets.PHOTOS, "anything"))
                    .isInstanceOf(ObjectStoreException.class)
                    .isNotInstanceOf(ObjectNotFoundException.class)
                    .satisfies(e -> {
                        ObjectStoreException failure = (ObjectStoreException) e;
                        assertThat(failure.isTransient()).isFalse();
                        assertThat(failure.errorCode()).isIn("SignatureDoesNotMatch", "AccessDenied", "InvalidAccessKeyId");
                    });
        }
    }

    @Test
    void ensureBucketsIsIdempotent() {
        store.put(Buckets.MODELS, "u2netp/1/model.params", PHOTO, "application/octet-stream");

        store.ensureBuckets(Buckets.ALL);

        assertThat(store.list(Buckets.MODELS, "u2netp/")).hasSize(1);
    }

    @Test
    void dataSurvivesARestartOnTheSameDirectory() {
        ObjectRef ref = store.put(Buckets.PHOTOS, "p-5/original.png", PHOTO, "image/png");
        store.close();
        server.close();

        server = new EmbeddedObjectStore(EmbeddedObjectStore.Settings.defaults(dataDir).withPort(0)).start();
        store = ObjectStore.connect(fastRetries(server.clientConfig()));

        assertThat(store.stat(Buckets.PHOTOS, "p-5/original.png")).contains(ref);
        assertThat(store.get(ref)).isEqualTo(PHOTO);
    }

    @Test
    void aStoppedServerIsATransientFailure() {
        server.close();

        assertThatThrownBy(() -> store.get(Buckets.PHOTOS, "p-6"))
                .isInstanceOf(ObjectStoreException.class)
                .hasMessageContaining("failed after 2 attempts")
                .satisfies(e -> assertThat(((ObjectStoreException) e).isTransient()).isTrue());
    }

    @Test
    void aBusyPortIsNamedInTheError() throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            int port = taken.getLocalPort();
            EmbeddedObjectStore second = new EmbeddedObjectStore(EmbeddedObjectStore.Settings.defaults(dataDir)
                    .withPort(port));

            assertThatThrownBy(second::start)
                    .isInstanceOf(PortInUseException.class)
                    .hasMessageContaining("port " + port)
                    .hasMessageContaining("already in use");
        }
    }

    @Test
    void closingTheClientLeavesNoHttpThreadsThatKeepTheJvmAlive() throws InterruptedException {
        store.put(Buckets.PHOTOS, "p-7", PHOTO, "image/jpeg");
        store.close();
        store = null;

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (liveNonDaemonOkHttpThreads() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(liveNonDaemonOkHttpThreads()).isZero();
    }

    private static long liveNonDaemonOkHttpThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !t.isDaemon() && t.getName().contains("OkHttp"))
                .count();
    }
}

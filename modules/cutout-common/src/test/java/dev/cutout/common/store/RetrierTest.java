package dev.cutout.common.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minio.errors.ErrorResponseException;
import io.minio.errors.ServerException;
import io.minio.messages.ErrorResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class RetrierTest {

    private final List<Duration> pauses = new ArrayList<>();
    private final Retrier retrier = new Retrier(4, Duration.ofMillis(100), pauses::add);

    @Test
    void transientIoFailuresAreRetriedUntilTheCallSucceeds() {
        AtomicInteger calls = new AtomicInteger();

        String result = retrier.run("get", "photos", "p1", () -> {
            if (calls.incrementAndGet() < 3) {
                throw new ConnectException("Connection refused");
            }
            return "ok";
        });

        assertThat(result).isEqualTo("ok");
        assertThat(calls).hasValue(3);
        assertThat(pauses).hasSize(2);
    }

    @Test
    void exhaustedRetriesReportATransientFailureWithTheAttemptCount() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> retrier.run("put", "photos", "p1", () -> {
            calls.incrementAndGet();
            throw new IOException("broken pipe");
        }))
                .isInstanceOf(ObjectStoreException.class)
                .hasMessageContaining("put photos/p1 failed after 4 attempts")
                .hasMessageContaining("broken pipe")
                .satisfies(e -> assertThat(((ObjectStoreException) e).isTransient()).isTrue());
        assertThat(calls).hasValue(4);
    }

    @Test
    void serverErrorsAndThrottlingAreRetried() {
        AtomicInteger calls = new AtomicInteger();

        retrier.run("put", "photos", "p1", () -> {
            switch (calls.incrementAndGet()) {
                case 1 -> throw s3Error("SlowDown", 503);
                case 2 -> throw s3Error("InternalError", 500);
                case 3 -> throw new ServerException("bad gateway", 502, "");
                default -> {
                    return null;
                }
            }
        });

        assertThat(calls).hasValue(4);
    }

    @Test
    void clientErrorsFailAtOnceWithTheirCode() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> retrier.run("put", "nope", "p1", () -> {
            calls.incrementAndGet();
            throw s3Error("NoSuchBucket", 404);
        }))
                .isInstanceOf(ObjectStoreException.class)
                .isNotInstanceOf(ObjectNotFoundException.class)
                .hasMessageContaining("put nope/p1 failed: NoSuchBucket (HTTP 404)")
                .satisfies(e -> {
                    assertThat(((ObjectStoreException) e).isTransient()).isFalse();
                    assertThat(((ObjectStoreException) e).errorCode()).isEqualTo("NoSuchBucket");
                });
        assertThat(calls).hasValue(1);
        assertThat(pauses).isEmpty();

        assertThatThrownBy(() -> retrier.run("get", "photos", "p1", () -> {
            throw s3Error("AccessDenied", 403);
        })).hasMessageContaining("AccessDenied (HTTP 403)");
        assertThat(pauses).isEmpty();
    }

    @Test
    void missingKeyBecomesObjectNotFound() {
        assertThatThrownBy(() -> retrier.run("get", "photos", "absent", () -> {
            throw s3Error("NoSuchKey", 404);
        }))
                .isInstanceOf(ObjectNotFoundException.class)
                .hasMessage("object photos/absent does not exist");
        assertThat(pauses).isEmpty();
    }

    @Test
    void backoffDoublesWithJitterInItsUpperHalf() {
        for (int attempt = 1; attempt <= 4; attempt++) {
            long full = 100L << (attempt - 1);
            for (int sample = 0; sample < 50; sample++) {
                assertThat(retrier.delayBeforeRetry(attempt).toMillis()).isBetween(full / 2, full);
            }
        }
        assertThat(retrier.delayBeforeRetry(30).toMillis()).isBetween(15_000L, 30_000L);
    }

    private static ErrorResponseException s3Error(String code, int status) {
        Response response = new Response.Builder()
                .request(new Request.Builder().url("http://127.0.0.1:9/photos/p1").build())
                .protocol(Protocol.HTTP_1_1)
                .code(status)
                .message("status " + status)
                .build();
        return new ErrorResponseException(
                new ErrorResponse(code, code + " message", "photos", "p1", "/photos/p1", "req-1", "host-1"),
                response, "");
    }
}

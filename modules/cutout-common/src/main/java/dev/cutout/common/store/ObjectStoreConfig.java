package dev.cutout.common.store;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach an S3 API server and how hard to try.
 *
 * @param endpoint      base URL, e.g. {@code http://localhost:9000}
 * @param accessKey     access key id
 * @param secretKey     secret access key; never printed by {@link #toString()}
 * @param region        signing region; set explicitly so that no bucket-location lookup is needed
 * @param retryAttempts attempts per operation, at least 1 (1 = no retry)
 * @param retryBackoff  delay before the first retry; it doubles on each further retry
 * @param requestTimeout connect, read and write timeout of one HTTP request
 */
public record ObjectStoreConfig(
        String endpoint,
        String accessKey,
        String secretKey,
        String region,
        int retryAttempts,
        Duration retryBackoff,
        Duration requestTimeout) {

    public static final String DEFAULT_REGION = "us-east-1";
    public static final int DEFAULT_RETRY_ATTEMPTS = 5;
    public static final Duration DEFAULT_RETRY_BACKOFF = Duration.ofMillis(200);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);

    public ObjectStoreConfig {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(accessKey, "accessKey");
        Objects.requireNonNull(secretKey, "secretKey");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(retryBackoff, "retryBackoff");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        URI uri = URI.create(endpoint);
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("object store endpoint must be an http(s) URL with a host, got '" + endpoint + "'");
        }
        if (retryAttempts < 1) {
            throw new IllegalArgumentException("retryAttempts must be >= 1, got " + retryAttempts);
        }
        if (retryBackoff.isNegative()) {
            throw new IllegalArgumentException("retryBackoff must not be negative, got " + retryBackoff);
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout must be positive, got " + requestTimeout);
        }
    }

    /** The given server and credentials with the default region, retries and timeout. */
    public static ObjectStoreConfig of(String endpoint, String accessKey, String secretKey) {
        return new ObjectStoreConfig(endpoint, accessKey, secretKey, DEFAULT_REGION,
                DEFAULT_RETRY_ATTEMPTS, DEFAULT_RETRY_BACKOFF, DEFAULT_REQUEST_TIMEOUT);
    }

    public ObjectStoreConfig withRetries(int attempts, Duration backoff) {
        return new ObjectStoreConfig(endpoint, accessKey, secretKey, region, attempts, backoff, requestTimeout);
    }

    public ObjectStoreConfig withRequestTimeout(Duration timeout) {
        return new ObjectStoreConfig(endpoint, accessKey, secretKey, region, retryAttempts, retryBackoff, timeout);
    }

    public ObjectStoreConfig withCredentials(String newAccessKey, String newSecretKey) {
        return new ObjectStoreConfig(endpoint, newAccessKey, newSecretKey, region, retryAttempts, retryBackoff, requestTimeout);
    }

    @Override
    public String toString() {
        return "ObjectStoreConfig[endpoint=" + endpoint + ", accessKey=" + accessKey + ", secretKey=[hidden]"
                + ", region=" + region + ", retryAttempts=" + retryAttempts + ", retryBackoff=" + retryBackoff
                + ", requestTimeout=" + requestTimeout + "]";
    }
}

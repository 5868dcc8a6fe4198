package dev.cutout.common.store;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import io.minio.http.Method;
import io.minio.messages.Item;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link ObjectStore} over the MinIO Java client: works with MinIO, AWS S3 and s3proxy alike. */
final class MinioObjectStore implements ObjectStore {

    private static final Logger LOG = LoggerFactory.getLogger(MinioObjectStore.class);

    /** User metadata key (sent as x-amz-meta-sha256) that keeps the checksum with the object. */
    static final String SHA256_METADATA = "sha256";
    private static final String DEFAULT_CONTENT_TYPE = "application/octet-stream";
    /** The largest single PUT S3 allows: images are sent in one request instead of a multipart upload. */
    private static final long SINGLE_PUT_LIMIT = 5L * 1024 * 1024 * 1024;
    private static final Duration MAX_PRESIGN_EXPIRY = Duration.ofDays(7);

    private final ObjectStoreConfig config;
    private final OkHttpClient http;
    private final MinioClient client;
    private final Retrier retrier;

    MinioObjectStore(ObjectStoreConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        long timeoutMs = config.requestTimeout().toMillis();
        this.http = new OkHttpClient.Builder()
                .connectTimeout(timeoutMs, TimeUnit.MILLISECONDS)
                .readTimeout(timeoutMs, TimeUnit.MILLISECONDS)
                .writeTimeout(timeoutMs, TimeUnit.MILLISECONDS)
                // Retries are ours, with backoff and classification; OkHttp's silent ones would double them.
                .retryOnConnectionFailure(false)
                .build();
        this.client = MinioClient.builder()
                .endpoint(config.endpoint())
                .credentials(config.accessKey(), config.secretKey())
                .region(config.region())
                .httpClient(http)
                .build();
        this.retrier = new Retrier(config.retryAttempts(), config.retryBackoff());
    }

    @Override
    public void ensureBuckets(Collection<String> buckets) {
        for (String bucket : buckets) {
            retrier.run("ensure bucket", bucket, null, () -> {
                if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                    try {
                        client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
                        LOG.info("created bucket {} at {}", bucket, config.endpoint());
                    } catch (ErrorResponseException e) {
                        String code = e.errorResponse().code();
                        // Another process created it between our check and our create: that is the goal.
                        if (!"BucketAlreadyOwnedByYou".equals(code) && !"BucketAlreadyExists".equals(code)) {
                            throw e;
                        }
                    }
                }
                return null;
            });
        }
    }

    @Override
    public ObjectRef put(String bucket, String key, byte[] content, String contentType) {
        Objects.requireNonNull(content, "content");
        String type = contentType == null || contentType.isBlank() ? DEFAULT_CONTENT_TYPE : contentType;
        String sha256 = Sha256.hex(content);
        retrier.run("put", bucket, key, () -> client.putObject(PutObjectArgs.builder()
                .bucket(bucket)
                .object(key)
                .stream(new ByteArrayInputStream(content), content.length, SINGLE_PUT_LIMIT)
                .contentType(type)
                .userMetadata(Map.of(SHA256_METADATA, sha256))
                .build()));
        return new ObjectRef(bucket, key, sha256, content.length, type);
    }

    @Override
    public byte[] get(String bucket, String key) {
        return retrier.run("get", bucket, key, () -> {
            try (GetObjectResponse response = client.getObject(
                    GetObjectArgs.builder().bucket(bucket).object(key).build())) {
                return response.readAllBytes();
            }
        });
    }

    @Override
    public byte[] get(ObjectRef ref) {
        byte[] content = get(ref.bucket(), ref.key());
        if (content.length != ref.size() || ref.sha256() != null && !ref.sha256().equals(Sha256.hex(content))) {
            throw new ObjectStoreException("object " + ref.path() + " does not match its reference (expected "
                    + ref.size() + " bytes with sha256 " + ref.sha256() + ", found " + content.length
                    + " bytes with sha256 " + Sha256.hex(content) + ")", "ChecksumMismatch", false, null);
        }
        return content;
    }

    @Override
    public Optional<ObjectRef> stat(String bucket, String key) {
        try {
            StatObjectResponse stat = retrier.run("stat", bucket, key,
                    () -> client.statObject(StatObjectArgs.builder().bucket(bucket).object(key).build()));
            return Optional.of(new ObjectRef(bucket, key, sha256Of(stat.userMetadata()), stat.size(),
                    stat.contentType()));
        } catch (ObjectNotFoundException e) {
            return Optional.empty();
        }
    }

    private static String sha256Of(Map<String, String> userMetadata) {
        for (Map.Entry<String, String> entry : userMetadata.entrySet()) {
            // Servers differ in whether they return the x-amz-meta- prefix and in its case.
            String name = entry.getKey().toLowerCase(java.util.Locale.ROOT);
            if (name.equals(SHA256_METADATA) || name.equals("x-amz-meta-" + SHA256_METADATA)) {
                return entry.getValue();
            }
        }
        return null;
    }

    @Override
    public List<ObjectSummary> list(String bucket, String prefix) {
        return retrier.run("list", bucket, prefix == null ? "" : prefix + "*", () -> {
            List<ObjectSummary> summaries = new ArrayList<>();
            Iterable<Result<Item>> results = client.listObjects(ListObjectsArgs.builder()
                    .bucket(bucket)
                    .prefix(prefix == null ? "" : prefix)
                    .recursive(true)
                    .build());
            for (Result<Item> result : results) {
                Item item = result.get();
                if (!item.isDir()) {
                    summaries.add(new ObjectSummary(bucket, item.objectName(), item.size(),
                            item.lastModified() == null ? null : item.lastModified().toInstant()));
                }
            }
            return summaries;
        });
    }

    @Override
    public URI presignedGet(String bucket, String key, Duration expiry) {
        if (expiry.isNegative() || expiry.isZero() || expiry.compareTo(MAX_PRESIGN_EXPIRY) > 0) {
            throw new IllegalArgumentException("presigned URL expiry must be between 1 s and 7 days, got " + expiry);
        }
        return retrier.run("presign", bucket, key, () -> URI.create(client.getPresignedObjectUrl(
                GetPresignedObjectUrlArgs.builder()
                        .method(Method.GET)
                        .bucket(bucket)
                        .object(key)
                        .expiry((int) Math.max(1, expiry.toSeconds()))
                        .build())));
    }

    @Override
    public void delete(String bucket, String key) {
        retrier.run("delete", bucket, key, () -> {
            client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
            return null;
        });
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
        if (http.cache() != null) {
            try {
                http.cache().close();
            } catch (java.io.IOException e) {
                LOG.debug("closing the HTTP cache failed", e);
            }
        }
    }

    @Override
    public String toString() {
        return "ObjectStore[" + config.endpoint() + "]";
    }
}

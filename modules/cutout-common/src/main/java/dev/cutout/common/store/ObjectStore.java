package dev.cutout.common.store;

import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The object store of the claim-check pattern: image bytes live here, events carry {@link ObjectRef}s.
 * Writes to the same key overwrite, which keeps retries and replays idempotent.
 *
 * <p>Failures are {@link ObjectStoreException}s: transient ones (I/O, HTTP 5xx, throttling) are retried
 * with backoff before they surface, others (missing bucket, access denied) surface at once.
 * Close the store when done: it owns an HTTP client whose threads would otherwise keep the JVM alive.
 */
public interface ObjectStore extends AutoCloseable {

    /** Connects to the S3 API server described by {@code config}; nothing is sent until the first call. */
    static ObjectStore connect(ObjectStoreConfig config) {
        return new MinioObjectStore(config);
    }

    /** Creates the buckets that do not exist yet. */
    void ensureBuckets(Collection<String> buckets);

    /** Stores {@code content} under {@code bucket/key}, replacing any previous object, with its SHA-256. */
    ObjectRef put(String bucket, String key, byte[] content, String contentType);

    /** The object's content. @throws ObjectNotFoundException when it does not exist */
    byte[] get(String bucket, String key);

    /**
     * The referenced content, checked against the reference's size and SHA-256 so that a stale or
     * damaged object is never processed as if it were the one an event named.
     *
     * @throws ObjectNotFoundException when it does not exist
     * @throws ObjectStoreException    with code {@code ChecksumMismatch} when the content differs
     */
    byte[] get(ObjectRef ref);

    /**
     * The object's reference (size, content type, SHA-256 when it was written by {@link #put}), or empty
     * when there is no such object (a missing bucket also reads as empty: S3 answers HEAD without a body).
     */
    Optional<ObjectRef> stat(String bucket, String key);

    /** All objects whose key starts with {@code prefix} (empty: the whole bucket), in key order. */
    List<ObjectSummary> list(String bucket, String prefix);

    /** A URL that lets anyone holding it GET the object until {@code expiry} (at most 7 days) has passed. */
    URI presignedGet(String bucket, String key, Duration expiry);

    /** Removes the object; removing an absent object is not an error. */
    void delete(String bucket, String key);

    /** Releases the HTTP client. */
    @Override
    void close();
}

package dev.cutout.common.store;

import java.util.Objects;

/**
 * A reference to a stored object: what events carry instead of the bytes (claim check).
 *
 * @param bucket      bucket name
 * @param key         object key within the bucket
 * @param sha256      lower-case hex SHA-256 of the content; {@code null} only for objects written by
 *                    another tool without the checksum metadata
 * @param size        content length in bytes
 * @param contentType MIME type, e.g. {@code image/png}
 */
public record ObjectRef(String bucket, String key, String sha256, long size, String contentType) {

    public ObjectRef {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0, got " + size);
        }
    }

    /** The store's form of the reference an event carries. */
    public static ObjectRef of(dev.cutout.events.ObjectRef ref) {
        return new ObjectRef(ref.getBucket(), ref.getKey(), ref.getSha256(), ref.getSizeBytes(), ref.getContentType());
    }

    /** {@code bucket/key}, the form used in logs and error messages. */
    public String path() {
        return bucket + "/" + key;
    }
}

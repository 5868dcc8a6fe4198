package dev.cutout.common.store;

import java.time.Instant;

/**
 * One entry of a listing. A listing carries no checksum or content type: {@link ObjectStore#stat} has them.
 *
 * @param bucket       bucket name
 * @param key          object key
 * @param size         content length in bytes
 * @param lastModified when the object was last written
 */
public record ObjectSummary(String bucket, String key, long size, Instant lastModified) {
}

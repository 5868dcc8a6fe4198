package dev.cutout.ingest;

import dev.cutout.common.image.ImageFormat;
import dev.cutout.common.store.Sha256;

/**
 * Ids and object keys derived from a photo's content, so that the same bytes ingested twice, by any way
 * in, land on one id and one object.
 */
public final class PhotoIds {

    private PhotoIds() {
    }

    /** The photo id: the lower-case hex SHA-256 of its bytes. */
    public static String of(byte[] content) {
        return Sha256.hex(content);
    }

    /** Where the original lives in the photos bucket. */
    public static String originalKey(String photoId, ImageFormat format) {
        return "originals/" + photoId + "." + format.extension();
    }

    /** Written once photos.ingested is acknowledged: its presence means the photo is in the flow. */
    public static String ingestedMarkerKey(String photoId) {
        return "ingested/" + photoId;
    }

    /** Bytes the ingest refused, kept so that the dead letter can point at them. */
    public static String rejectedKey(String photoId) {
        return "rejected/" + photoId;
    }
}

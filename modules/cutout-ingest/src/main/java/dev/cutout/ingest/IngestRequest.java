package dev.cutout.ingest;

import dev.cutout.events.IngestSource;
import dev.cutout.events.StudioMetadata;
import java.util.Objects;

/**
 * A photo offered to the ingest, by any way in.
 *
 * @param content          the file's bytes
 * @param originalFilename the name the studio gave it, or null
 * @param source           the way it came in
 * @param metadata         what the studio said about it (all fields may be null)
 */
public record IngestRequest(byte[] content, String originalFilename, IngestSource source, StudioMetadata metadata) {

    public IngestRequest {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(source, "source");
        metadata = metadata == null ? StudioMetadata.newBuilder().build() : metadata;
    }
}

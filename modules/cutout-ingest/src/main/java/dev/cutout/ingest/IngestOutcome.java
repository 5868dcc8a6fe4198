package dev.cutout.ingest;

import dev.cutout.common.image.ImageRejectionReason;
import dev.cutout.events.ObjectRef;

/** What became of an {@link IngestRequest}: in the flow, or refused with a reason (and dead-lettered). */
public sealed interface IngestOutcome {

    String photoId();

    /**
     * The photo is stored and announced on photos.ingested.
     *
     * @param duplicate true when the same bytes were ingested before and nothing new was sent
     */
    record Accepted(String photoId, ObjectRef photo, boolean duplicate) implements IngestOutcome {
    }

    /** The photo was refused before it entered the flow; a dead letter on photos.ingested.dlq says why. */
    record Rejected(String photoId, ImageRejectionReason reason, String message) implements IngestOutcome {

        /** One line for a reason file or an HTTP answer: the code, then the words. */
        public String describe() {
            return reason + ": " + message;
        }
    }
}

package dev.cutout.ingest;

/** The store or Kafka failed while ingesting: the photo is not in the flow yet and may be offered again. */
public class IngestFailedException extends RuntimeException {

    public IngestFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}

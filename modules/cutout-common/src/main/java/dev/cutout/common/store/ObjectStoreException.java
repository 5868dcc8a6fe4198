package dev.cutout.common.store;

/**
 * An object store operation failed. {@link #isTransient()} tells a caller whether trying again later
 * may help (the store was unreachable or overloaded and the retries ran out) or not (access denied,
 * missing bucket, bad request): the pipeline retries the former and dead-letters the latter.
 */
public class ObjectStoreException extends RuntimeException {

    private final String errorCode;
    private final boolean transientFailure;

    public ObjectStoreException(String message, String errorCode, boolean transientFailure, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
        this.transientFailure = transientFailure;
    }

    /** The S3 error code (e.g. {@code AccessDenied}, {@code NoSuchBucket}), or the exception type for I/O failures. */
    public String errorCode() {
        return errorCode;
    }

    /** Whether the failure was transient (I/O, 5xx, throttling) and the configured retries were exhausted. */
    public boolean isTransient() {
        return transientFailure;
    }
}

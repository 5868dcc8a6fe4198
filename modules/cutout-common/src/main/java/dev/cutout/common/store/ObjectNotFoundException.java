package dev.cutout.common.store;

/** The requested object does not exist. */
public class ObjectNotFoundException extends ObjectStoreException {

    private final String bucket;
    private final String key;

    public ObjectNotFoundException(String bucket, String key, Throwable cause) {
        super("object " + bucket + "/" + key + " does not exist", "NoSuchKey", false, cause);
        this.bucket = bucket;
        this.key = key;
    }

    public String bucket() {
        return bucket;
    }

    public String key() {
        return key;
    }
}

package dev.cutout.verifier;

import dev.cutout.common.store.ObjectNotFoundException;
import dev.cutout.common.store.ObjectRef;
import dev.cutout.common.store.ObjectStore;
import dev.cutout.common.store.ObjectStoreException;
import dev.cutout.common.store.ObjectSummary;
import dev.cutout.common.store.Sha256;
import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** An object store in memory, with the same checksum check as the real one, for unit tests of scoring. */
final class InMemoryObjectStore implements ObjectStore {

    private final Map<String, byte[]> objects = new ConcurrentHashMap<>();

    @Override
    public void ensureBuckets(Collection<String> buckets) {
    }

    @Override
    public ObjectRef put(String bucket, String key, byte[] content, String contentType) {
        objects.put(bucket + "/" + key, content.clone());
        return new ObjectRef(bucket, key, Sha256.hex(content), content.length, contentType);
    }

    @Override
    public byte[] get(String bucket, String key) {
        byte[] content = objects.get(bucket + "/" + key);
        if (content == null) {
            throw new ObjectNotFoundException(bucket, key, null);
        }
        return content.clone();
    }

    @Override
    public byte[] get(ObjectRef ref) {
        byte[] content = get(ref.bucket(), ref.key());
        if (ref.sha256() != null && !ref.sha256().equals(Sha256.hex(content))) {
            throw new ObjectStoreException(ref.path() + " has another checksum", "ChecksumMismatch", false, null);
        }
        return content;
    }

    @Override
    public Optional<ObjectRef> stat(String bucket, String key) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<ObjectSummary> list(String bucket, String prefix) {
        throw new UnsupportedOperationException();
    }

    @Override
    public URI presignedGet(String bucket, String key, Duration expiry) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void delete(String bucket, String key) {
        objects.remove(bucket + "/" + key);
    }

    @Override
    public void close() {
    }
}

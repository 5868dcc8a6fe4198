package dev.cutout.ingest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cutout.common.store.ObjectNotFoundException;
import dev.cutout.common.store.ObjectStore;
import dev.cutout.common.store.ObjectSummary;
import dev.cutout.common.store.Sha256;
import dev.cutout.events.IngestSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls a bucket prefix and ingests each new key once. The keys already taken are remembered in a small
 * JSON object in the same bucket ({@link #STATE_FOLDER}), so a restart does not ingest them again; and
 * since photo ids come from the content, a key taken twice after a crash still yields one photo.
 */
public final class S3PrefixPoller implements AutoCloseable {

    /** Where the poller keeps its state, outside any studio prefix. */
    public static final String STATE_FOLDER = ".cutout-ingest/";

    private static final Logger LOG = LoggerFactory.getLogger(S3PrefixPoller.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectStore store;
    private final Ingestor ingestor;
    private final String bucket;
    private final String prefix;
    private final String stateKey;
    private final TreeSet<String> taken;
    private final ScheduledExecutorService poller;

    private S3PrefixPoller(ObjectStore store, Ingestor ingestor, String bucket, String prefix) {
        this.store = Objects.requireNonNull(store, "store");
        this.ingestor = Objects.requireNonNull(ingestor, "ingestor");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.stateKey = STATE_FOLDER + "prefix-" + Sha256.hex(prefix.getBytes(StandardCharsets.UTF_8)) + ".json";
        this.taken = loadState();
        this.poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ingest-s3-prefix");
            thread.setDaemon(true);
            return thread;
        });
    }

    public static S3PrefixPoller start(ObjectStore store, Ingestor ingestor, String bucket, String prefix,
            Duration poll) {
        S3PrefixPoller poller = new S3PrefixPoller(store, ingestor, bucket, prefix);
        poller.poller.scheduleWithFixedDelay(poller::pollSafely, 0, poll.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("polling s3://{}/{} ({} keys already taken)", bucket, prefix, poller.taken.size());
        return poller;
    }

    /** How many keys have been taken, over all runs. */
    public synchronized int takenCount() {
        return taken.size();
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            LOG.warn("polling s3://{}/{} failed, trying again on the next poll: {}", bucket, prefix, e.toString());
        }
    }

    synchronized void poll() {
        boolean changed = false;
        try {
            for (ObjectSummary object : store.list(bucket, prefix)) {
                String key = object.key();
                if (key.startsWith(STATE_FOLDER) || key.endsWith("/") || taken.contains(key)) {
                    continue;
                }
                String name = key.substring(key.lastIndexOf('/') + 1);
                ingestor.ingest(new IngestRequest(store.get(bucket, key), name, IngestSource.S3_PREFIX, null));
                taken.add(key);
                changed = true;
            }
        } finally {
            if (changed) {
                saveState();
            }
        }
    }

    private TreeSet<String> loadState() {
        try {
            return new TreeSet<>(JSON.readValue(store.get(bucket, stateKey), new TypeReference<java.util.List<String>>() {
            }));
        } catch (ObjectNotFoundException e) {
            return new TreeSet<>();
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable poller state s3://" + bucket + "/" + stateKey, e);
        }
    }

    private void saveState() {
        try {
            store.put(bucket, stateKey, JSON.writeValueAsBytes(taken), "application/json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        poller.shutdown();
        try {
            if (!poller.awaitTermination(30, TimeUnit.SECONDS)) {
                poller.shutdownNow();
            }
        } catch (InterruptedException e) {
            poller.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}

package dev.cutout.segmenter;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Groups items into batches of at most {@code maxSize}: a batch is ready when it is full or when its
 * oldest item has waited {@code maxDelay}. Time is passed in, so the rules are testable without sleeping.
 * Not thread-safe: the consumer's poll thread owns it.
 */
public final class MicroBatcher<T> {

    private record Entry<T>(T item, long addedAtMillis) {
    }

    private final int maxSize;
    private final long maxDelayMillis;
    private final Deque<Entry<T>> buffer = new ArrayDeque<>();

    public MicroBatcher(int maxSize, Duration maxDelay) {
        if (maxSize < 1) {
            throw new IllegalArgumentException("maxSize must be >= 1: " + maxSize);
        }
        this.maxSize = maxSize;
        this.maxDelayMillis = maxDelay.toMillis();
    }

    public void add(T item, long nowMillis) {
        buffer.addLast(new Entry<>(item, nowMillis));
    }

    public int size() {
        return buffer.size();
    }

    public boolean isEmpty() {
        return buffer.isEmpty();
    }

    /** The next batch if one is ready at {@code nowMillis}: full, or holding an item older than the delay. */
    public Optional<List<T>> nextBatch(long nowMillis) {
        if (buffer.isEmpty()) {
            return Optional.empty();
        }
        boolean full = buffer.size() >= maxSize;
        boolean due = nowMillis - buffer.peekFirst().addedAtMillis() >= maxDelayMillis;
        if (!full && !due) {
            return Optional.empty();
        }
        List<T> batch = new ArrayList<>(Math.min(maxSize, buffer.size()));
        while (batch.size() < maxSize && !buffer.isEmpty()) {
            batch.add(buffer.pollFirst().item());
        }
        return Optional.of(batch);
    }

    /** Milliseconds until the oldest item is due, 0 if it is already; {@code idleMillis} when empty. */
    public long millisUntilDue(long nowMillis, long idleMillis) {
        if (buffer.isEmpty()) {
            return idleMillis;
        }
        if (buffer.size() >= maxSize) {
            return 0;
        }
        return Math.max(0, buffer.peekFirst().addedAtMillis() + maxDelayMillis - nowMillis);
    }

    /** Removes and returns the buffered items that match, e.g. those of partitions no longer assigned. */
    public List<T> removeIf(Predicate<T> condition) {
        List<T> removed = new ArrayList<>();
        buffer.removeIf(entry -> {
            if (condition.test(entry.item())) {
                removed.add(entry.item());
                return true;
            }
            return false;
        });
        return removed;
    }
}

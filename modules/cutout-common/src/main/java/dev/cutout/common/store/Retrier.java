package dev.cutout.common.store;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs one object store call, retrying transient failures with exponential backoff and jitter. */
final class Retrier {

    /** A call to the MinIO client; any exception is classified by {@link StoreFailure}. */
    @FunctionalInterface
    interface StoreCall<T> {
        T call() throws Exception;
    }

    /** Waits between attempts; tests replace it to record the delays instead of sleeping. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(Retrier.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final int attempts;
    private final Duration backoff;
    private final Sleeper sleeper;

    Retrier(int attempts, Duration backoff, Sleeper sleeper) {
        this.attempts = attempts;
        this.backoff = backoff;
        this.sleeper = sleeper;
    }

    Retrier(int attempts, Duration backoff) {
        this(attempts, backoff, duration -> Thread.sleep(duration.toMillis()));
    }

    <T> T run(String operation, String bucket, String key, StoreCall<T> call) {
        String target = key == null ? bucket : bucket + "/" + key;
        for (int attempt = 1; ; attempt++) {
            try {
                return call.call();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ObjectStoreException(operation + " " + target + " interrupted", "Interrupted", true, e);
            } catch (Exception e) {
                StoreFailure failure = StoreFailure.of(e);
                switch (failure.kind()) {
                    case NOT_FOUND -> throw new ObjectNotFoundException(bucket, key, e);
                    case PERMANENT -> throw new ObjectStoreException(
                            operation + " " + target + " failed: " + failure.detail(), failure.code(), false, e);
                    case TRANSIENT -> {
                        if (attempt >= attempts) {
                            throw new ObjectStoreException(operation + " " + target + " failed after " + attempt
                                    + (attempt == 1 ? " attempt: " : " attempts: ") + failure.detail(),
                                    failure.code(), true, e);
                        }
                        Duration delay = delayBeforeRetry(attempt);
                        LOG.warn("{} {} failed (attempt {} of {}), retrying in {} ms: {}",
                                operation, target, attempt, attempts, delay.toMillis(), failure.detail());
                        pause(operation, target, delay, e);
                    }
                }
            }
        }
    }

    /**
     * The pause after the given failed attempt: the base backoff doubled per retry, capped at 30 s, and
     * jittered into its upper half so that many clients retrying together spread out.
     */
    Duration delayBeforeRetry(int failedAttempt) {
        long base = backoff.toMillis();
        long exponential = base << Math.min(failedAttempt - 1, 20);
        long capped = Math.min(exponential, MAX_BACKOFF.toMillis());
        long half = capped / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(capped - half + 1));
    }

    private void pause(String operation, String target, Duration delay, Exception cause) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new ObjectStoreException(operation + " " + target + " interrupted while waiting to retry",
                    "Interrupted", true, cause);
        }
    }
}

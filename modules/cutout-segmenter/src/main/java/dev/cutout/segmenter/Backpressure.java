package dev.cutout.segmenter;

/**
 * When to pause and resume the consumer's partitions: pause once {@code maxInFlight} records are
 * buffered or being processed, resume once that count is down to half of it. The gap between the two
 * keeps the consumer from toggling on every record.
 */
public final class Backpressure {

    /** What the poll loop should do with its partitions. */
    public enum Action { PAUSE, RESUME, NONE }

    private final int pauseAt;
    private final int resumeAt;
    private boolean paused;
    private long pauses;

    public Backpressure(int maxInFlight) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be >= 1: " + maxInFlight);
        }
        this.pauseAt = maxInFlight;
        this.resumeAt = maxInFlight / 2;
    }

    /** The action for {@code inFlight} records buffered or in process now. */
    public Action update(int inFlight) {
        if (!paused && inFlight >= pauseAt) {
            paused = true;
            pauses++;
            return Action.PAUSE;
        }
        if (paused && inFlight <= resumeAt) {
            paused = false;
            return Action.RESUME;
        }
        return Action.NONE;
    }

    public boolean paused() {
        return paused;
    }

    /** How often the partitions were paused so far. */
    public long pauses() {
        return pauses;
    }
}

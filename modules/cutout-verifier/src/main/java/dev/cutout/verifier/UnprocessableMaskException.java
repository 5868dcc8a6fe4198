package dev.cutout.verifier;

import dev.cutout.events.DeadLetterReason;

/** A masks.inferred record that no retry can score: it goes to the dead-letter topic with its reason. */
public final class UnprocessableMaskException extends RuntimeException {

    private final DeadLetterReason reason;

    public UnprocessableMaskException(DeadLetterReason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public DeadLetterReason reason() {
        return reason;
    }
}

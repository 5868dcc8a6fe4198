package dev.cutout.common.image;

import java.util.Objects;

/** An input the codec refused, with the {@link ImageRejectionReason} to route it by. */
public class ImageRejectedException extends RuntimeException {

    private final ImageRejectionReason reason;

    public ImageRejectedException(ImageRejectionReason reason, String message) {
        this(reason, message, null);
    }

    public ImageRejectedException(ImageRejectionReason reason, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public ImageRejectionReason reason() {
        return reason;
    }
}

package dev.cutout.router;

/** An event that decodes but breaks its contract (a score outside [0,1], a correction without a mask). */
public final class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }
}

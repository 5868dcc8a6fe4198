package dev.cutout.vision.quality;

/** A side of the image frame. */
public enum BorderSide {
    TOP, BOTTOM, LEFT, RIGHT
}

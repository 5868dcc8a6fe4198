package dev.cutout.vision.quality;

/**
 * The product cluster a photo falls into, as a scorer with clusters assigns it.
 *
 * @param id               the cluster's index in the scorer's model
 * @param label            its human name, e.g. {@code light on light}
 * @param publishThreshold the score from which masks of this cluster publish without review, as the
 *                         scorer's release chose it on calibration data
 */
public record ClusterAssignment(int id, String label, double publishThreshold) {
}

/**
 * Mask quality metrics: IoU, Dice, MAE, max-F (β² = 0.3 over 256 thresholds, the salient-object
 * convention) and boundary F per image ({@link dev.cutout.vision.metrics.MaskEvaluator}), and the
 * summary of a run ({@link dev.cutout.vision.metrics.RunMetrics}).
 */
package dev.cutout.vision.metrics;

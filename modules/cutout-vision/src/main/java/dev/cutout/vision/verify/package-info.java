/**
 * The pure-Java parts of the learned mask verifier, the model that predicts a mask's IoU with the
 * unknown true mask: {@link dev.cutout.vision.verify.MaskDamager} makes training masks by damaging
 * good ones in the ways real masks fail ({@link dev.cutout.vision.verify.MaskDamage}), with their IoU
 * known; {@link dev.cutout.vision.verify.ClusterFeatures} and {@link
 * dev.cutout.vision.verify.ProductClusters} group products (light on light, tall garments, ...) so
 * that each group gets its own publish threshold, which {@link
 * dev.cutout.vision.verify.PublishThresholds} chooses from scores and true IoUs for a target
 * precision.
 */
package dev.cutout.vision.verify;

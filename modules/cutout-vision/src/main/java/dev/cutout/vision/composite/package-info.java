/**
 * Compositing a photo with its mask into the published picture: transparent or on a colour,
 * cropped to the subject's {@link dev.cutout.vision.composite.BoundingBox} with a {@link
 * dev.cutout.vision.composite.Margin}, fitted onto a {@link dev.cutout.vision.composite.Canvas};
 * {@link dev.cutout.vision.composite.CutoutRenderer} puts it together.
 */
package dev.cutout.vision.composite;

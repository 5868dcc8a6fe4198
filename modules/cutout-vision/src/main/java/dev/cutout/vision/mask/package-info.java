/**
 * Soft masks and what happens to a model's output before compositing: {@link
 * dev.cutout.vision.mask.AlphaMask} (the mask type), bilinear resampling, the fast colour-guided
 * filter that refines a low-resolution mask against the full-resolution photo, thresholding,
 * small-component removal and hole filling, put together by {@link dev.cutout.vision.mask.MaskRefiner}.
 */
package dev.cutout.vision.mask;

/**
 * Soft masks and what happens to a model's output before compositing: {@link
 * dev.cutout.vision.mask.AlphaMask} (the mask type), bilinear resampling, the fast colour-guided
 * filter that refines a low-resolution mask against the full-resolution photo, thresholding,
 * small-component removal and hole filling, put together by {@link dev.cutout.vision.mask.MaskRefiner}.
 *
 * <h2>Why the refinement is blended</h2>
 * Measured on 8 full-size Carvana validation photos (1918x1280), Dice at full resolution, with the
 * model's output simulated from the true mask: "coverage" is the true mask reduced by area
 * averaging (a perfect model whose soft edge encodes sub-pixel position), "hard" the same
 * thresholded (right to within one model pixel), "noisy" blurred and with smooth random logit noise
 * (edges blurred and misplaced by a fraction of a model pixel, as a real small model's are).
 *
 * <table>
 *   <caption>Dice: plain bilinear upsampling, the guided filter alone, the default (blended)</caption>
 *   <tr><th>model mask</th><th>bilinear</th><th>filter only</th><th>default</th></tr>
 *   <tr><td>320, noisy</td><td>0.9890</td><td>0.9915</td><td>0.9914</td></tr>
 *   <tr><td>320, hard</td><td>0.9968</td><td>0.9966</td><td>0.9974</td></tr>
 *   <tr><td>320, coverage</td><td>0.9993</td><td>0.9967</td><td>0.9972</td></tr>
 *   <tr><td>160, noisy</td><td>0.9788</td><td>0.9823</td><td>0.9822</td></tr>
 *   <tr><td>160, hard</td><td>0.9938</td><td>0.9951</td><td>0.9956</td></tr>
 *   <tr><td>160, coverage</td><td>0.9982</td><td>0.9954</td><td>0.9958</td></tr>
 * </table>
 *
 * The filter snaps edges that are off by more than a pixel or two onto the photo's edges, but on
 * its own it also moves correct edges by a pixel or two where the boundary has little colour
 * contrast. Blending it in only where the upsampled mask is unsure keeps its gains on blurred or
 * misplaced edges, beats both on hard ones, and trims its loss on near-perfect ones. A model whose
 * soft edges were as accurate as area coverage would do best with plain upsampling ({@code radius
 * 0}): compare both on the real model's output on carvana-val before settling the default.
 *
 * <h2>Cost</h2>
 * One 1918x1280 photo with a 320x320 mask, single thread, default options: about 40 to 55 ms of CPU
 * time (the filter's coefficients on a 4x coarser grid, one pass over the photo to reduce it and
 * one to apply them, skipping the filter where the mask is sure); plain upsampling about 10 ms;
 * component removal and hole filling on runs rather than pixels add 10 to 25 ms.
 */
package dev.cutout.vision.mask;

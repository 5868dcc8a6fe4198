package dev.cutout.vision.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * Deep-supervised loss for U²-Net: for the fused map and each of the six side maps, binary
 * cross-entropy plus a soft-IoU term. BCE drives every pixel; the IoU term weighs the object as
 * a whole, so small products are not drowned by an easy background (as in the Carvana and
 * salient-object work that added it).
 *
 * <p>Predictions are logits; the BCE uses the stable form
 * {@code max(x,0) - x*y + log(1 + exp(-|x|))}.
 */
public final class SegmentationLoss extends Loss {

    private final float iouWeight;

    public SegmentationLoss(float iouWeight) {
        super("segmentation");
        this.iouWeight = iouWeight;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray target = labels.singletonOrThrow();
        NDArray total = null;
        for (NDArray logits : predictions) {
            NDArray term = bce(logits, target).add(softIou(logits, target).mul(iouWeight));
            total = total == null ? term : total.add(term);
        }
        return total;
    }

    static NDArray bce(NDArray logits, NDArray target) {
        NDArray positive = logits.maximum(0f);
        NDArray softplus = logits.abs().neg().exp().add(1f).log();
        return positive.sub(logits.mul(target)).add(softplus).mean();
    }

    /** 1 - soft IoU, averaged over the batch. */
    static NDArray softIou(NDArray logits, NDArray target) {
        NDArray p = logits.getNDArrayInternal().sigmoid();
        int[] spatial = {1, 2, 3};
        NDArray intersection = p.mul(target).sum(spatial);
        NDArray union = p.add(target).sub(p.mul(target)).sum(spatial);
        return intersection.add(1f).div(union.add(1f)).neg().add(1f).mean();
    }
}

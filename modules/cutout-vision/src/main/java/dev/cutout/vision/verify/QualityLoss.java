package dev.cutout.vision.verify;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * The quality network's loss: binary cross-entropy of the IoU logit against the true IoU on the
 * log-error scale ({@link QualityNet#errorScale}) as a soft target (its gradient is the plain error
 * {@code sigmoid(z) - target}), plus a weighted cross-entropy of the problem classes.
 *
 * <p>Labels: {@code NDList(errorScaledIou [N], classIndex one-hot [N, C])}; prediction: the network's output {@code [N, 1 + C]}.
 */
final class QualityLoss extends Loss {

    static final float CLASS_WEIGHT = 0.3f;

    QualityLoss() {
        super("quality");
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray output = predictions.singletonOrThrow();
        NDArray iou = labels.get(0);
        NDArray classes = labels.get(1);
        NDArray logit = output.get(":, 0");
        NDArray softplus = logit.abs().neg().exp().add(1f).log();
        NDArray bce = logit.maximum(0f).sub(logit.mul(iou)).add(softplus).mean();
        NDArray logProbabilities = output.get(":, 1:").logSoftmax(1);
        NDArray crossEntropy = logProbabilities.mul(classes).sum(new int[] {1}).neg().mean();
        return bce.add(crossEntropy.mul(CLASS_WEIGHT));
    }
}

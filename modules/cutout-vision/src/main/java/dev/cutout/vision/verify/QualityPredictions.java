package dev.cutout.vision.verify;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;

/** Runs the quality network in inference mode over prepared inputs. */
final class QualityPredictions {

    /** The network's verdict on one mask. */
    record Prediction(double iou, double[] classProbabilities) {

        QualityLabel likeliestProblem() {
            QualityLabel best = null;
            for (QualityLabel label : QualityLabel.values()) {
                if (label != QualityLabel.GOOD && (best == null
                        || classProbabilities[label.ordinal()] > classProbabilities[best.ordinal()])) {
                    best = label;
                }
            }
            return best;
        }
    }

    static final int BATCH = 64;

    private QualityPredictions() {
    }

    /**
     * @param images   pictures, each {@code 4 x S x S}
     * @param features standardised feature vectors
     */
    static List<Prediction> run(Block block, NDManager manager, List<float[]> images, List<float[]> features) {
        List<Prediction> predictions = new ArrayList<>(images.size());
        for (int from = 0; from < images.size(); from += BATCH) {
            int to = Math.min(images.size(), from + BATCH);
            try (NDManager scope = manager.newSubManager()) {
                NDArray x = scope.create(flatten(images, from, to), new Shape(to - from, QualityInputs.CHANNELS,
                        QualityInputs.INPUT_SIDE, QualityInputs.INPUT_SIDE));
                int width = features.get(from).length;
                NDArray f = scope.create(flatten(features, from, to), new Shape(to - from, width));
                NDArray out = block.forward(new ParameterStore(scope, false), new NDList(x, f), false)
                        .singletonOrThrow();
                float[] iou = QualityNet.predictedIou(out).toFloatArray();
                float[] probabilities = QualityNet.classProbabilities(out).toFloatArray();
                int classes = QualityLabel.values().length;
                for (int i = 0; i < to - from; i++) {
                    double[] p = new double[classes];
                    for (int c = 0; c < classes; c++) {
                        p[c] = probabilities[i * classes + c];
                    }
                    predictions.add(new Prediction(iou[i], p));
                }
            }
        }
        return predictions;
    }

    static float[] flatten(List<float[]> rows, int from, int to) {
        int width = rows.get(from).length;
        float[] flat = new float[(to - from) * width];
        for (int i = from; i < to; i++) {
            System.arraycopy(rows.get(i), 0, flat, (i - from) * width, width);
        }
        return flat;
    }
}

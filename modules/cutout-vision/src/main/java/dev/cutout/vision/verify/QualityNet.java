package dev.cutout.vision.verify;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The verification network: a small strided CNN over the four-channel picture (photo + soft mask),
 * globally pooled, joined with a projection of the standardised feature vector, then a shared hidden
 * layer and one output row per sample: the IoU logit followed by one logit per {@link QualityLabel}.
 *
 * <p>The IoU head predicts on a log-error scale ({@link #errorScale}): the difference between masks at
 * IoU 0.93 and 0.97, which decides publishing, is as large there as that between 0.5 and 0.85, so the
 * network learns to rank good masks finely instead of spending its capacity on how bad a bad one is.
 *
 * <p>Inputs: {@code [N, 4, S, S]} and {@code [N, F]}. About 60 k parameters, a few milliseconds per
 * mask on a CPU core: the verifier must cost far less than the segmenter.
 */
public final class QualityNet extends AbstractBlock {

    public static final String ARCHITECTURE = "quality-cnn-64/log-error";
    /** IoU 0.99 is the top of the error scale: {@code -ln(1 - 0.99)}. */
    private static final double ERROR_SCALE_TOP = Math.log(100);
    private static final int[] CONV_CHANNELS = {16, 32, 48, 64};
    private static final int FEATURE_UNITS = 32;
    private static final int HIDDEN_UNITS = 64;

    private final SequentialBlock picture;
    private final SequentialBlock features;
    private final SequentialBlock head;
    private final int outputs;

    public QualityNet() {
        outputs = 1 + QualityLabel.values().length;
        SequentialBlock conv = new SequentialBlock();
        for (int channels : CONV_CHANNELS) {
            conv.add(Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(channels)
                            .optStride(new Shape(2, 2)).optPadding(new Shape(1, 1)).build())
                    .add(BatchNorm.builder().build())
                    .add(Activation::relu);
        }
        conv.add(x -> new NDList(x.singletonOrThrow().mean(new int[] {3}).mean(new int[] {2})));
        picture = addChildBlock("picture", conv);
        features = addChildBlock("features", new SequentialBlock()
                .add(Linear.builder().setUnits(FEATURE_UNITS).build())
                .add(Activation::relu));
        head = addChildBlock("head", new SequentialBlock()
                .add(Linear.builder().setUnits(HIDDEN_UNITS).build())
                .add(Activation::relu)
                .add(Linear.builder().setUnits(outputs).build()));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray pooled = picture.forward(store, new NDList(inputs.get(0)), training, params).singletonOrThrow();
        NDArray projected = features.forward(store, new NDList(inputs.get(1)), training, params).singletonOrThrow();
        return head.forward(store, new NDList(pooled.concat(projected, 1)), training, params);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), outputs)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        picture.initialize(manager, dataType, inputShapes[0]);
        features.initialize(manager, dataType, inputShapes[1]);
        long batch = inputShapes[0].get(0);
        Shape joined = new Shape(batch, pooledWidth(picture, inputShapes[0]) + FEATURE_UNITS);
        head.initialize(manager, dataType, joined);
    }

    private static long pooledWidth(Block picture, Shape input) {
        return picture.getOutputShapes(new Shape[] {input})[0].get(1);
    }

    /** The predicted IoU in [0,1] per sample, from the network's output rows. */
    public static NDArray predictedIou(NDArray output) {
        NDArray scaled = Activation.sigmoid(output.get(":, 0"));
        return scaled.mul(-ERROR_SCALE_TOP).exp().neg().add(1f);
    }

    /**
     * An IoU on the head's training scale, {@code -ln(1 - iou) / ln(100)} capped at 1: 0.5 is 0.15,
     * 0.9 is 0.5, 0.95 is 0.65, 0.99 and above 1.
     */
    public static float errorScale(double iou) {
        return (float) Math.min(1, -Math.log(Math.max(1e-6, 1 - iou)) / ERROR_SCALE_TOP);
    }

    /** The class probabilities per sample, {@code [N, classes]}. */
    public static NDArray classProbabilities(NDArray output) {
        return output.get(":, 1:").softmax(1);
    }
}

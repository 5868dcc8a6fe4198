package dev.cutout.vision.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * RSU-L, the residual U-block: an input convolution, a small U-Net of {@code height} levels
 * (pooling on the way down, a dilated bottom, bilinear upsampling on the way up), and a
 * residual connection from the input convolution. It sees multi-scale context while keeping
 * the resolution of its input, which is what lets U²-Net stay shallow at high resolution.
 */
final class ResidualUBlock extends AbstractBlock {

    private final ConvBnRelu input;
    private final List<ConvBnRelu> encoder = new ArrayList<>();
    private final ConvBnRelu bottom;
    private final List<ConvBnRelu> decoder = new ArrayList<>();
    private final int outChannels;

    /**
     * @param height number of levels L (4..7)
     * @param midChannels channels inside the U
     * @param outChannels channels of the block's output
     */
    ResidualUBlock(int height, int midChannels, int outChannels) {
        if (height < 3) {
            throw new IllegalArgumentException("RSU height must be >= 3, got " + height);
        }
        this.outChannels = outChannels;
        input = addChildBlock("in", new ConvBnRelu(outChannels, 1));
        for (int i = 0; i < height - 1; i++) {
            encoder.add(addChildBlock("enc" + i, new ConvBnRelu(midChannels, 1)));
        }
        bottom = addChildBlock("bottom", new ConvBnRelu(midChannels, 2));
        for (int i = 0; i < height - 1; i++) {
            int out = i == height - 2 ? outChannels : midChannels;
            decoder.add(addChildBlock("dec" + i, new ConvBnRelu(out, 1)));
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray hin = input.forward(store, inputs, training, params).singletonOrThrow();
        List<NDArray> skips = new ArrayList<>();
        NDArray h = hin;
        for (int i = 0; i < encoder.size(); i++) {
            if (i > 0) {
                h = Resampling.maxPoolHalf(h);
            }
            h = encoder.get(i).forward(store, new NDList(h), training, params).singletonOrThrow();
            skips.add(h);
        }
        h = bottom.forward(store, new NDList(h), training, params).singletonOrThrow();
        for (int i = 0; i < decoder.size(); i++) {
            NDArray skip = skips.get(skips.size() - 1 - i);
            if (i > 0) {
                h = Resampling.bilinearLike(h, skip);
            }
            NDArray joined = NDArrays.concat(new NDList(h, skip), 1);
            h = decoder.get(i).forward(store, new NDList(joined), training, params).singletonOrThrow();
        }
        return new NDList(h.add(hin));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), outChannels, in.get(2), in.get(3))};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        input.initialize(manager, dataType, in);
        int mid = -1;
        Shape h = input.getOutputShapes(new Shape[] {in})[0];
        for (int i = 0; i < encoder.size(); i++) {
            if (i > 0) {
                h = halved(h);
            }
            encoder.get(i).initialize(manager, dataType, h);
            h = encoder.get(i).getOutputShapes(new Shape[] {h})[0];
            mid = (int) h.get(1);
        }
        bottom.initialize(manager, dataType, h);
        // Every decoder level sees the upsampled features concatenated with the skip: 2 * mid.
        for (ConvBnRelu level : decoder) {
            level.initialize(manager, dataType, new Shape(in.get(0), 2L * mid, in.get(2), in.get(3)));
        }
    }

    private static Shape halved(Shape s) {
        return new Shape(s.get(0), s.get(1), (s.get(2) + 1) / 2, (s.get(3) + 1) / 2);
    }
}

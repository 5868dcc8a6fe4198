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

/**
 * RSU-4F: the residual U-block for the deepest, lowest-resolution stages. Pooling there would
 * lose what little spatial detail is left, so it widens its view with dilations 1, 2, 4, 8
 * instead, at constant resolution.
 */
final class DilatedResidualUBlock extends AbstractBlock {

    private final ConvBnRelu input;
    private final ConvBnRelu enc1;
    private final ConvBnRelu enc2;
    private final ConvBnRelu enc3;
    private final ConvBnRelu bottom;
    private final ConvBnRelu dec3;
    private final ConvBnRelu dec2;
    private final ConvBnRelu dec1;
    private final int outChannels;

    DilatedResidualUBlock(int midChannels, int outChannels) {
        this.outChannels = outChannels;
        input = addChildBlock("in", new ConvBnRelu(outChannels, 1));
        enc1 = addChildBlock("enc1", new ConvBnRelu(midChannels, 1));
        enc2 = addChildBlock("enc2", new ConvBnRelu(midChannels, 2));
        enc3 = addChildBlock("enc3", new ConvBnRelu(midChannels, 4));
        bottom = addChildBlock("bottom", new ConvBnRelu(midChannels, 8));
        dec3 = addChildBlock("dec3", new ConvBnRelu(midChannels, 4));
        dec2 = addChildBlock("dec2", new ConvBnRelu(midChannels, 2));
        dec1 = addChildBlock("dec1", new ConvBnRelu(outChannels, 1));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray hin = apply(input, inputs.singletonOrThrow(), store, training, params);
        NDArray h1 = apply(enc1, hin, store, training, params);
        NDArray h2 = apply(enc2, h1, store, training, params);
        NDArray h3 = apply(enc3, h2, store, training, params);
        NDArray h4 = apply(bottom, h3, store, training, params);
        NDArray d3 = apply(dec3, NDArrays.concat(new NDList(h4, h3), 1), store, training, params);
        NDArray d2 = apply(dec2, NDArrays.concat(new NDList(d3, h2), 1), store, training, params);
        NDArray d1 = apply(dec1, NDArrays.concat(new NDList(d2, h1), 1), store, training, params);
        return new NDList(d1.add(hin));
    }

    private static NDArray apply(ConvBnRelu block, NDArray x, ParameterStore store, boolean training,
            PairList<String, Object> params) {
        return block.forward(store, new NDList(x), training, params).singletonOrThrow();
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
        Shape hin = input.getOutputShapes(new Shape[] {in})[0];
        enc1.initialize(manager, dataType, hin);
        Shape mid = enc1.getOutputShapes(new Shape[] {hin})[0];
        Shape doubled = new Shape(mid.get(0), 2 * mid.get(1), mid.get(2), mid.get(3));
        enc2.initialize(manager, dataType, mid);
        enc3.initialize(manager, dataType, mid);
        bottom.initialize(manager, dataType, mid);
        dec3.initialize(manager, dataType, doubled);
        dec2.initialize(manager, dataType, doubled);
        dec1.initialize(manager, dataType, doubled);
    }
}

package dev.cutout.vision.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * U²-Net (Qin et al. 2020): a U-Net whose stages are themselves residual U-blocks. Six
 * encoder stages, five decoder stages, a 3x3 side output per decoder stage (and the deepest
 * encoder stage), and a 1x1 fusion of the six upsampled side outputs.
 *
 * <p>Input: NCHW float RGB, normalised. Output: {@code [fused, side1 .. side6]}, each
 * {@code N x 1 x H x W} <em>logits</em> at the input resolution; training supervises all
 * seven (deep supervision), inference uses {@code sigmoid(fused)}.
 */
public final class U2Net extends AbstractBlock {

    private static final byte VERSION = 1;

    private final U2NetSize size;
    private final List<Block> encoder = new ArrayList<>();
    private final List<Block> decoder = new ArrayList<>();
    private final List<Conv2d> sides = new ArrayList<>();
    private final Conv2d fuse;

    public U2Net(U2NetSize size) {
        super(VERSION);
        this.size = size;
        int i = 1;
        for (U2NetSize.Stage stage : size.encoder()) {
            encoder.add(addChildBlock("en" + i++, stageBlock(stage)));
        }
        i = 5;
        for (U2NetSize.Stage stage : size.decoder()) {
            decoder.add(addChildBlock("de" + i--, stageBlock(stage)));
        }
        for (int s = 1; s <= 6; s++) {
            sides.add(addChildBlock("side" + s, Conv2d.builder()
                    .setKernelShape(new Shape(3, 3)).setFilters(1).optPadding(new Shape(1, 1)).build()));
        }
        fuse = addChildBlock("fuse", Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(1).build());
    }

    /** The configuration this network was built with. */
    public U2NetSize size() {
        return size;
    }

    private static Block stageBlock(U2NetSize.Stage stage) {
        return stage.dilated()
                ? new DilatedResidualUBlock(stage.midChannels(), stage.outChannels())
                : new ResidualUBlock(stage.height(), stage.midChannels(), stage.outChannels());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        List<NDArray> enc = new ArrayList<>();
        NDArray h = x;
        for (int k = 0; k < encoder.size(); k++) {
            if (k > 0) {
                h = Resampling.maxPoolHalf(h);
            }
            h = encoder.get(k).forward(store, new NDList(h), training, params).singletonOrThrow();
            enc.add(h);
        }
        // stageOutputs[0] is the full-resolution decoder stage, [5] the deepest encoder stage.
        NDArray[] stageOutputs = new NDArray[6];
        stageOutputs[5] = h;
        for (int k = 0; k < decoder.size(); k++) {
            NDArray skip = enc.get(enc.size() - 2 - k);
            NDArray joined = NDArrays.concat(new NDList(Resampling.bilinearLike(h, skip), skip), 1);
            h = decoder.get(k).forward(store, new NDList(joined), training, params).singletonOrThrow();
            stageOutputs[4 - k] = h;
        }
        NDList out = new NDList(7);
        NDList sideLogits = new NDList(6);
        for (int s = 0; s < 6; s++) {
            NDArray side = sides.get(s).forward(store, new NDList(stageOutputs[s]), training, params)
                    .singletonOrThrow();
            sideLogits.add(Resampling.bilinearLike(side, x));
        }
        out.add(fuse.forward(store, new NDList(NDArrays.concat(sideLogits, 1)), training, params)
                .singletonOrThrow());
        out.addAll(sideLogits);
        return out;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        Shape mask = new Shape(in.get(0), 1, in.get(2), in.get(3));
        Shape[] out = new Shape[7];
        java.util.Arrays.fill(out, mask);
        return out;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        long n = in.get(0);
        List<Shape> encShapes = new ArrayList<>();
        Shape h = in;
        for (int k = 0; k < encoder.size(); k++) {
            if (k > 0) {
                h = new Shape(n, h.get(1), (h.get(2) + 1) / 2, (h.get(3) + 1) / 2);
            }
            encoder.get(k).initialize(manager, dataType, h);
            h = encoder.get(k).getOutputShapes(new Shape[] {h})[0];
            encShapes.add(h);
        }
        Shape[] stageShapes = new Shape[6];
        stageShapes[5] = h;
        for (int k = 0; k < decoder.size(); k++) {
            Shape skip = encShapes.get(encShapes.size() - 2 - k);
            Shape joined = new Shape(n, h.get(1) + skip.get(1), skip.get(2), skip.get(3));
            decoder.get(k).initialize(manager, dataType, joined);
            h = decoder.get(k).getOutputShapes(new Shape[] {joined})[0];
            stageShapes[4 - k] = h;
        }
        for (int s = 0; s < 6; s++) {
            sides.get(s).initialize(manager, dataType, stageShapes[s]);
        }
        fuse.initialize(manager, dataType, new Shape(n, 6, in.get(2), in.get(3)));
    }
}

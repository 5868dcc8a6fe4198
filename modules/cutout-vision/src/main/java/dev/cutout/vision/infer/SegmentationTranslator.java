package dev.cutout.vision.infer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import dev.cutout.vision.mask.AlphaMask;
import dev.cutout.vision.model.ModelInput;

/**
 * Photo in, soft mask out, at the network's square input size: area-sampled resize, ImageNet
 * normalisation, and the sigmoid of the fused output. Upsampling to the photo's size and edge
 * refinement happen after, on the CPU, in {@link MaskPredictor}.
 */
public final class SegmentationTranslator implements Translator<PhotoPixels, AlphaMask> {

    private final int inputSize;

    public SegmentationTranslator(int inputSize) {
        this.inputSize = inputSize;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, PhotoPixels photo) {
        float[] chw = ModelInput.fromRgb(photo.rgb(), photo.width(), photo.height(), inputSize);
        return new NDList(ctx.getNDManager().create(chw, new Shape(3, inputSize, inputSize)));
    }

    @Override
    public AlphaMask processOutput(TranslatorContext ctx, NDList outputs) {
        NDArray fused = outputs.get(0);
        float[] probabilities = fused.getNDArrayInternal().sigmoid().toFloatArray();
        return AlphaMask.of(inputSize, inputSize, probabilities);
    }

    @Override
    public Batchifier getBatchifier() {
        return Batchifier.STACK;
    }
}

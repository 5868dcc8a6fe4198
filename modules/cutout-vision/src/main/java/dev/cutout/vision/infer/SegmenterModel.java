package dev.cutout.vision.infer;

import ai.djl.Device;
import ai.djl.Model;
import dev.cutout.vision.mask.RefineOptions;
import dev.cutout.vision.model.SegmenterModels;
import dev.cutout.vision.model.ShippedModelFiles;
import dev.cutout.vision.model.U2Net;
import dev.cutout.vision.model.U2NetSize;
import dev.cutout.vision.train.ModelCard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A loaded segmenter: the U²-Net block with its weights, its card, and the input size it runs
 * at. Thread-safe; each worker thread takes its own {@link MaskPredictor}.
 */
public final class SegmenterModel implements AutoCloseable {

    /** Where the released default model lives on the classpath. */
    public static final String DEFAULT_RESOURCE_DIR = "/dev/cutout/vision/default-model/";
    public static final String DEFAULT_NAME = "u2netp";

    private final Model model;
    private final ModelCard card;
    private final int inputSize;

    private SegmenterModel(Model model, ModelCard card, int inputSize) {
        this.model = model;
        this.card = card;
        this.inputSize = inputSize;
    }

    /**
     * Loads {@code NAME-0000.params} and, when present, {@code NAME.card.json} beside it.
     *
     * @param inputSize network input size, or 0 for the card's default ({@link ModelCard#defaultInferenceSize()})
     * @param device where to run: {@code Device.cpu()} or {@code Device.gpu()}
     */
    public static SegmenterModel load(Path paramsFile, U2NetSize size, int inputSize, Device device)
            throws IOException {
        String stem = SegmenterModels.nameOf(paramsFile);
        Path cardFile = ModelCard.fileFor(paramsFile.toAbsolutePath().getParent(), stem);
        ModelCard card = Files.exists(cardFile) ? ModelCard.read(cardFile) : null;
        int size0 = inputSize > 0 ? inputSize : card != null ? card.defaultInferenceSize() : 320;
        if (size0 % 32 != 0) {
            throw new IllegalArgumentException("input size must be a multiple of 32: " + size0);
        }
        Model model = Model.newInstance(stem, device, "PyTorch");
        try {
            model.setBlock(new U2Net(size));
            SegmenterModels.loadWeights(model, paramsFile);
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
        return new SegmenterModel(model, card, size0);
    }

    /** The default model shipped inside this module, on the CPU. */
    public static SegmenterModel loadDefault(int inputSize) throws IOException {
        return ShippedModelFiles.load(DEFAULT_RESOURCE_DIR, DEFAULT_NAME, "the default model",
                params -> load(params, U2NetSize.SMALL, inputSize, Device.cpu()));
    }

    /** A predictor for one thread; close it when the thread is done. */
    public MaskPredictor newPredictor(RefineOptions refine) {
        return new MaskPredictor(model.newPredictor(new SegmentationTranslator(inputSize)), refine);
    }

    public String name() {
        return model.getName();
    }

    /** The card's version, or "unversioned" for weights without a card. */
    public String version() {
        return card != null && card.version() != null ? card.version() : "unversioned";
    }

    public int inputSize() {
        return inputSize;
    }

    /** The card stored beside the weights, if there was one. */
    public java.util.Optional<ModelCard> card() {
        return java.util.Optional.ofNullable(card);
    }

    @Override
    public void close() {
        model.close();
    }
}

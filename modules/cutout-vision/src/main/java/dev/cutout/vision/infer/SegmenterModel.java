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
    private final EdgeRefiner edgeRefiner;

    private SegmenterModel(Model model, ModelCard card, int inputSize, EdgeRefiner edgeRefiner) {
        this.model = model;
        this.card = card;
        this.inputSize = inputSize;
        this.edgeRefiner = edgeRefiner;
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
        ModelCard card = ModelCard.besideWeights(paramsFile);
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
        return new SegmenterModel(model, card, size0, null);
    }

    /** The default model shipped inside this module, on the CPU, with the shipped edge refiner where there is one. */
    public static SegmenterModel loadDefault(int inputSize) throws IOException {
        SegmenterModel model = ShippedModelFiles.load(DEFAULT_RESOURCE_DIR, DEFAULT_NAME, "the default model",
                params -> load(params, U2NetSize.SMALL, inputSize, Device.cpu()));
        try {
            return model.withEdges(EDGES_DEFAULT, Device.cpu());
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /**
     * This segmenter with {@code refiner} sharpening its edges (replacing any it had; null for none).
     * The result owns the network and the refiner: close it, not this instance.
     */
    public SegmenterModel withEdgeRefiner(EdgeRefiner refiner) {
        if (edgeRefiner != null && edgeRefiner != refiner) {
            edgeRefiner.close();
        }
        return new SegmenterModel(model, card, inputSize, refiner);
    }

    /** What {@link #withEdges} takes for the shipped edge refiner. */
    public static final String EDGES_DEFAULT = "default";
    /** What {@link #withEdges} takes for no edge refiner. */
    public static final String EDGES_NONE = "none";

    /**
     * This segmenter with the edge refiner a setting names: {@value #EDGES_DEFAULT} for the shipped one
     * (none when this build ships none), {@value #EDGES_NONE}, or the path of a {@code NAME-0000.params}
     * file. The result owns both models: close it, not this instance.
     */
    public SegmenterModel withEdges(String setting, Device device) throws IOException {
        if (EDGES_NONE.equals(setting)) {
            return withEdgeRefiner(null);
        }
        if (EDGES_DEFAULT.equals(setting)) {
            return edgeRefiner != null || !EdgeRefiner.hasDefault() ? this : withEdgeRefiner(EdgeRefiner.loadDefault());
        }
        Path params = Path.of(setting);
        if (!Files.isRegularFile(params)) {
            throw new IOException("no edge refiner weights at " + setting + " (give a NAME-0000.params file, "
                    + EDGES_DEFAULT + " or " + EDGES_NONE + ")");
        }
        return withEdgeRefiner(EdgeRefiner.load(params, device));
    }

    /** A predictor for one thread; close it when the thread is done. */
    public MaskPredictor newPredictor(RefineOptions refine) {
        return new MaskPredictor(model.newPredictor(new SegmentationTranslator(inputSize)), refine,
                edgeRefiner == null ? null : edgeRefiner.newSession());
    }

    /** The edge refiner sharpening this segmenter's masks, if any. */
    public java.util.Optional<EdgeRefiner> edgeRefiner() {
        return java.util.Optional.ofNullable(edgeRefiner);
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
        if (edgeRefiner != null) {
            edgeRefiner.close();
        }
    }
}

package dev.cutout.vision.infer;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import dev.cutout.vision.mask.AlphaMask;
import dev.cutout.vision.mask.MaskRefiner;
import dev.cutout.vision.model.EdgeRefinerNet;
import dev.cutout.vision.model.SegmenterModels;
import dev.cutout.vision.model.ShippedModelFiles;
import dev.cutout.vision.train.ModelCard;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A loaded edge refiner ({@link EdgeRefinerNet}) with its card and working resolution. Between the
 * segmenter and the final upsampling it takes the segmenter's mask to the working resolution with
 * the guided filter (the coarse mask), and lets the network move its edges onto the photo's.
 * Thread-safe; each worker thread takes its own {@link Session}.
 */
public final class EdgeRefiner implements AutoCloseable {

    public static final String DEFAULT_NAME = "edge-refiner";
    /** The longest side it works at unless its card says otherwise: the size of carvana-train's photos. */
    public static final int DEFAULT_WORKING_SIDE = 640;
    public static final int DEFAULT_WIDTH = 16;
    /**
     * How far from the coarse outline the refiner may change the mask, in working pixels: 12 is 36
     * photo pixels on a 1918x1280 photo, well past the 16 within which the segmenter's edge errors lie
     * (see docs/model.md).
     */
    public static final int BAND_RADIUS = 12;

    private final Model model;
    private final ModelCard card;
    private final int workingSide;

    private EdgeRefiner(Model model, ModelCard card, int workingSide) {
        this.model = model;
        this.card = card;
        this.workingSide = workingSide;
    }

    /** Loads {@code NAME-0000.params} and, when present, {@code NAME.card.json} beside it. */
    public static EdgeRefiner load(Path paramsFile, Device device) throws IOException {
        String stem = SegmenterModels.nameOf(paramsFile);
        ModelCard card = ModelCard.besideWeights(paramsFile);
        Model model = Model.newInstance(stem, device, "PyTorch");
        try {
            model.setBlock(new EdgeRefinerNet(DEFAULT_WIDTH));
            SegmenterModels.loadWeights(model, paramsFile);
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
        return new EdgeRefiner(model, card, card != null && card.inputSize() > 0 ? card.inputSize() : DEFAULT_WORKING_SIDE);
    }

    /** Whether this build ships a default edge refiner. */
    public static boolean hasDefault() {
        return EdgeRefiner.class.getResource(SegmenterModel.DEFAULT_RESOURCE_DIR + DEFAULT_NAME + "-0000.params") != null;
    }

    /** The edge refiner shipped beside the default segmenter, on the CPU. */
    public static EdgeRefiner loadDefault() throws IOException {
        return ShippedModelFiles.load(SegmenterModel.DEFAULT_RESOURCE_DIR, DEFAULT_NAME, "the default edge refiner",
                params -> load(params, Device.cpu()));
    }

    public int workingSide() {
        return workingSide;
    }

    /** The card's version, or "unversioned" for weights without a card. */
    public String version() {
        return card != null && card.version() != null ? card.version() : "unversioned";
    }

    public Optional<ModelCard> card() {
        return Optional.ofNullable(card);
    }

    /** The network's mask within {@link #BAND_RADIUS} of the coarse outline, the coarse mask elsewhere. */
    public static AlphaMask confined(AlphaMask coarse, AlphaMask refined) {
        return EdgeBand.keepNearOutline(coarse, refined, BAND_RADIUS);
    }

    /** A session for one thread; close it when the thread is done. */
    public Session newSession() {
        return new Session(model.newPredictor(new Sharpening()), workingSide);
    }

    @Override
    public void close() {
        model.close();
    }

    /** One thread's use of the refiner. Not thread-safe. */
    public static final class Session implements AutoCloseable {

        /** Guided-filter upsampling to the working resolution, soft, with no clean-up: the coarse mask. */
        private static final MaskRefiner COARSE = MaskRefiner.withDefaults();

        private final Predictor<Request, AlphaMask> predictor;
        private final int workingSide;

        private Session(Predictor<Request, AlphaMask> predictor, int workingSide) {
            this.predictor = predictor;
            this.workingSide = workingSide;
        }

        /**
         * The segmenter's {@code raw} mask (any resolution, covering the whole photo) sharpened at the
         * working resolution: a soft mask of at most {@code workingSide} on its longest side.
         */
        public AlphaMask sharpen(AlphaMask raw, BufferedImage photo) throws TranslateException {
            return sharpen(raw, WorkingImage.of(photo, workingSide));
        }

        /** As {@link #sharpen(AlphaMask, BufferedImage)}, for a photo already at the working resolution. */
        public AlphaMask sharpen(AlphaMask raw, WorkingImage image) throws TranslateException {
            AlphaMask coarse = COARSE.refine(raw, image.image());
            return confined(coarse, predictor.predict(new Request(image, coarse)));
        }

        @Override
        public void close() {
            predictor.close();
        }
    }

    /** A working-resolution image and its coarse mask. */
    record Request(WorkingImage image, AlphaMask coarse) {}

    private static final class Sharpening implements Translator<Request, AlphaMask> {

        @Override
        public NDList processInput(TranslatorContext ctx, Request request) {
            WorkingImage image = request.image();
            float[] planes = EdgeRefinerInput.planes(image.rgb(), request.coarse().values(), image.width(),
                    image.height());
            return new NDList(ctx.getNDManager().create(planes,
                    new Shape(EdgeRefinerNet.INPUT_CHANNELS, image.height(), image.width())));
        }

        @Override
        public AlphaMask processOutput(TranslatorContext ctx, NDList outputs) {
            NDArray logits = outputs.get(0);
            Shape shape = logits.getShape();
            int height = (int) shape.get(shape.dimension() - 2);
            int width = (int) shape.get(shape.dimension() - 1);
            return AlphaMask.of(width, height, logits.getNDArrayInternal().sigmoid().toFloatArray());
        }

        @Override
        public Batchifier getBatchifier() {
            return Batchifier.STACK;
        }
    }
}

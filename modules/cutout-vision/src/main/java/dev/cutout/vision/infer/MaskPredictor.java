package dev.cutout.vision.infer;

import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import dev.cutout.vision.mask.AlphaMask;
import dev.cutout.vision.mask.MaskRefiner;
import dev.cutout.vision.mask.RefineOptions;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Segments photos on one thread: the network's mask at its input size, its edges sharpened by the
 * edge refiner at a working resolution when there is one, then upsampled and refined against the
 * full-resolution photo. Not thread-safe; one per worker, reused.
 */
public final class MaskPredictor implements AutoCloseable {

    private final Predictor<PhotoPixels, AlphaMask> predictor;
    private final MaskRefiner refiner;
    private final EdgeRefiner.Session edges;

    /** @param edges the edge refiner's session, or null to upsample the network's mask directly */
    MaskPredictor(Predictor<PhotoPixels, AlphaMask> predictor, RefineOptions refine, EdgeRefiner.Session edges) {
        this.predictor = predictor;
        this.refiner = new MaskRefiner(refine);
        this.edges = edges;
    }

    /** The refined full-resolution mask of one photo. */
    public AlphaMask segment(BufferedImage photo) throws TranslateException {
        return refine(predictor.predict(PhotoPixels.of(photo)), photo);
    }

    /** Refined masks of several photos, inferred as one batch. */
    public List<AlphaMask> segment(List<BufferedImage> photos) throws TranslateException {
        List<AlphaMask> raw = infer(photos);
        List<AlphaMask> refined = new ArrayList<>(photos.size());
        for (int i = 0; i < photos.size(); i++) {
            refined.add(refine(raw.get(i), photos.get(i)));
        }
        return refined;
    }

    /** The network's masks alone, at its input size (no refinement). */
    public List<AlphaMask> infer(List<BufferedImage> photos) throws TranslateException {
        List<PhotoPixels> pixels = new ArrayList<>(photos.size());
        for (BufferedImage photo : photos) {
            pixels.add(PhotoPixels.of(photo));
        }
        return predictor.batchPredict(pixels);
    }

    /** Sharpens, upsamples and refines a mask already inferred by {@link #infer}. */
    public AlphaMask refine(AlphaMask raw, BufferedImage photo) throws TranslateException {
        if (edges == null) {
            return refiner.refine(raw, photo);
        }
        AlphaMask sharp = edges.sharpen(raw, photo);
        boolean fullSize = sharp.width() == photo.getWidth() && sharp.height() == photo.getHeight();
        return fullSize ? refiner.finish(sharp) : refiner.refine(sharp, photo);
    }

    @Override
    public void close() {
        predictor.close();
        if (edges != null) {
            edges.close();
        }
    }
}

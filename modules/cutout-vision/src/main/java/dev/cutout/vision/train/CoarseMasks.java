package dev.cutout.vision.train;

import ai.djl.translate.TranslateException;
import dev.cutout.vision.data.LabelledImage;
import dev.cutout.vision.infer.MaskPredictor;
import dev.cutout.vision.infer.WorkingImage;
import dev.cutout.vision.mask.AlphaMask;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The segmenter's own masks of the training photos, at its input size, as the edge refiner's
 * starting points. Inferring them is the slow part of preparing a run, so each is kept as an 8-bit
 * PNG in a cache folder and read back when the run resumes.
 */
final class CoarseMasks {

    private static final int BATCH = 8;

    private CoarseMasks() {}

    /** The raw mask of every image, inferred or read from {@code cacheDir/NAME.png}. */
    static Map<LabelledImage, AlphaMask> of(List<LabelledImage> images, MaskPredictor segmenter, Path cacheDir,
            String task) throws IOException, TranslateException {
        Files.createDirectories(cacheDir);
        Map<LabelledImage, AlphaMask> masks = new IdentityHashMap<>();
        List<LabelledImage> missing = new ArrayList<>();
        for (LabelledImage image : images) {
            Path file = cacheDir.resolve(image.name() + ".png");
            if (Files.exists(file)) {
                masks.put(image, AlphaMask.read(file));
            } else {
                missing.add(image);
            }
        }
        if (missing.isEmpty()) {
            return masks;
        }
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(missing.size())
                .setStyle(ProgressBarStyle.ASCII).continuousUpdate().build()) {
            for (int start = 0; start < missing.size(); start += BATCH) {
                List<LabelledImage> batch = missing.subList(start, Math.min(missing.size(), start + BATCH));
                List<BufferedImage> photos = new ArrayList<>(batch.size());
                for (LabelledImage image : batch) {
                    photos.add(WorkingImage.fromRgb(image.width(), image.height(), image.rgb()).image());
                }
                List<AlphaMask> raw = segmenter.infer(photos);
                for (int i = 0; i < batch.size(); i++) {
                    // Quantised exactly as the cache stores it, so a resumed run sees the same masks.
                    // Written aside and moved, so a run killed mid-write leaves no truncated file behind.
                    Path file = cacheDir.resolve(batch.get(i).name() + ".png");
                    Path partial = cacheDir.resolve(batch.get(i).name() + ".png.partial");
                    raw.get(i).writePng(partial);
                    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    masks.put(batch.get(i), AlphaMask.read(file));
                }
                bar.stepBy(batch.size());
            }
        }
        return masks;
    }
}

package dev.cutout.vision.model;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Naming, saving and loading of segmenter weights. Weights are DJL {@code .params} files
 * ({@code NAME-0000.params}); the architecture lives in {@link U2Net}, since DJL cannot build
 * TorchScript from Java.
 */
public final class SegmenterModels {

    private SegmenterModels() {}

    /** The file name stem of a released segmenter of the given size. */
    public static String defaultName(U2NetSize size) {
        return size == U2NetSize.SMALL ? "u2netp" : "u2net";
    }

    /** Writes {@code dir/NAME-0000.params}, replacing an earlier release of the same name. */
    public static void saveWeights(Model model, Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        model.setProperty("Epoch", "0");
        model.save(dir, name);
    }

    /** Loads weights from a {@code .params} file into the model's block. */
    public static void loadWeights(Model model, Path paramsFile) throws IOException {
        if (!Files.isRegularFile(paramsFile)) {
            throw new IOException("no weights at " + paramsFile);
        }
        try {
            model.load(paramsFile.getParent(), nameOf(paramsFile));
        } catch (MalformedModelException e) {
            throw new IOException("not a U2Net weights file: " + paramsFile + " (" + e.getMessage() + ")", e);
        }
    }

    /** The model name of a weights file: {@code u2netp} for {@code u2netp-0000.params} or {@code u2netp.params}. */
    public static String nameOf(Path paramsFile) {
        return paramsFile.getFileName().toString().replaceFirst("(-\\d{4})?\\.params$", "");
    }

    /** Learned parameters (batch-norm running statistics excluded). */
    public static long parameterCount(Block block) {
        long total = 0;
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient() && p.getValue().isInitialized()) {
                total += p.getValue().getArray().size();
            }
        }
        return total;
    }
}

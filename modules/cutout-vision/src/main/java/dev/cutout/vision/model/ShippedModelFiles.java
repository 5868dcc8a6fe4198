package dev.cutout.vision.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Loads a model shipped on the classpath. DJL loads weights from files, so the weights and the card
 * beside them are copied into a temporary folder, loaded from there, and the folder is deleted again.
 */
public final class ShippedModelFiles {

    /** Loads the model from its weights file; the card lies beside it. */
    @FunctionalInterface
    public interface Loader<T> {
        T load(Path paramsFile) throws IOException;
    }

    private ShippedModelFiles() {
    }

    /**
     * Copies {@code resourceDir + name + "-0000.params"} and {@code name + ".card.json"} and loads them.
     *
     * @param what how an error names the model, e.g. {@code the default model}
     */
    public static <T> T load(String resourceDir, String name, String what, Loader<T> loader) throws IOException {
        Path dir = Files.createTempDirectory("cutout-model");
        try {
            Path params = copy(resourceDir, name + "-0000.params", dir, what);
            copy(resourceDir, name + ".card.json", dir, what);
            return loader.load(params);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private static Path copy(String resourceDir, String file, Path dir, String what) throws IOException {
        try (InputStream in = ShippedModelFiles.class.getResourceAsStream(resourceDir + file)) {
            if (in == null) {
                throw new IOException(what + " is missing from the classpath: " + resourceDir + file);
            }
            Path target = dir.resolve(file);
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        }
    }
}

package dev.cutout.vision.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Image/mask pairs: photos in one folder ({@code NAME.jpg}) and masks in another
 * ({@code NAME.png}), usually {@code DIR/images} and {@code DIR/masks}, with a sampling weight
 * for mixing several sources.
 *
 * <p>Carvana-style names ({@code CARID_NN}) are grouped by the part before the last
 * underscore: the 16 views of one car are near duplicates and must be split together.
 */
public record PairFolder(Path images, Path masks, double weight) {

    private static final List<String> IMAGE_SUFFIXES = List.of(".jpg", ".jpeg", ".png", ".webp");

    public PairFolder {
        if (weight <= 0) {
            throw new IllegalArgumentException("weight must be positive: " + weight);
        }
    }

    /** {@code DIR/images} and {@code DIR/masks}. */
    public static PairFolder of(Path dir, double weight) {
        return new PairFolder(dir.resolve("images"), dir.resolve("masks"), weight);
    }

    /** Photos and masks in folders of their own. */
    public static PairFolder ofSeparateFolders(Path images, Path masks) {
        return new PairFolder(images, masks, 1.0);
    }

    /** Parses {@code DIR} or {@code DIR:WEIGHT}. */
    public static PairFolder parse(String spec) {
        int colon = spec.lastIndexOf(':');
        if (colon > 0 && spec.substring(colon + 1).matches("[0-9.]+")) {
            return of(Path.of(spec.substring(0, colon)), Double.parseDouble(spec.substring(colon + 1)));
        }
        return of(Path.of(spec), 1.0);
    }

    /** A short name for logs and cards: the data set folder's name. */
    public String name() {
        Path named = images.getFileName() != null && images.getFileName().toString().equals("images")
                && images.toAbsolutePath().getParent() != null ? images.toAbsolutePath().getParent() : images;
        return named.getFileName().toString();
    }

    /** A pair of files found in the folder. */
    public record Pair(String name, String group, Path image, Path mask) {}

    /** Lists the pairs, sorted by name; an image without a mask is an error, not a silent skip. */
    public List<Pair> pairs() throws IOException {
        if (!Files.isDirectory(images) || !Files.isDirectory(masks)) {
            throw new IOException("expected " + images + " and " + masks);
        }
        List<Pair> pairs = new ArrayList<>();
        try (Stream<Path> files = Files.list(images)) {
            for (Path image : files.sorted().toList()) {
                String file = image.getFileName().toString();
                String lower = file.toLowerCase(Locale.ROOT);
                if (IMAGE_SUFFIXES.stream().noneMatch(lower::endsWith)) {
                    continue;
                }
                String name = file.substring(0, file.lastIndexOf('.'));
                Path mask = masks.resolve(name + ".png");
                if (!Files.exists(mask)) {
                    throw new IOException("no mask for " + image + " (expected " + mask + ")");
                }
                pairs.add(new Pair(name, groupOf(name), image, mask));
            }
        }
        return pairs;
    }

    static String groupOf(String name) {
        int underscore = name.lastIndexOf('_');
        if (underscore > 0 && name.substring(underscore + 1).matches("\\d{2}")) {
            return name.substring(0, underscore);
        }
        return name;
    }
}

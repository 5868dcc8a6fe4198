package dev.cutout.vision.mask;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;

/**
 * A soft foreground mask: one opacity per pixel in {@code [0, 1]} (0 background, 1 foreground),
 * stored row-major in a {@code float[]} of {@code width * height} values.
 *
 * <p>This is the type a segmentation model's output arrives in (at the model's resolution) and the
 * type refinement, compositing and metrics work on. Instances are immutable: factories copy what
 * they are given and every operation returns a new mask.
 */
public final class AlphaMask {

    private final int width;
    private final int height;
    private final float[] values;

    private AlphaMask(int width, int height, float[] values) {
        this.width = width;
        this.height = height;
        this.values = values;
    }

    /**
     * A mask over a copy of {@code values} (row-major, {@code width * height} of them). Values are
     * clamped into {@code [0, 1]}; NaN is rejected.
     */
    public static AlphaMask of(int width, int height, float[] values) {
        checkSize(width, height);
        if (values.length != width * height) {
            throw new IllegalArgumentException(
                    "expected " + width * height + " values for " + width + "x" + height + ", got " + values.length);
        }
        float[] copy = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            float v = values[i];
            if (Float.isNaN(v)) {
                throw new IllegalArgumentException("NaN at index " + i);
            }
            copy[i] = v < 0f ? 0f : (v > 1f ? 1f : v);
        }
        return new AlphaMask(width, height, copy);
    }

    /** A mask with every pixel at {@code value}. */
    public static AlphaMask filled(int width, int height, float value) {
        checkSize(width, height);
        float[] v = new float[width * height];
        Arrays.fill(v, Math.max(0f, Math.min(1f, value)));
        return new AlphaMask(width, height, v);
    }

    /** Takes ownership of {@code values} without copying; callers in this package guarantee the range. */
    static AlphaMask wrap(int width, int height, float[] values) {
        return new AlphaMask(width, height, values);
    }

    /**
     * A soft mask from a grayscale image (8- or 16-bit gray, 1-bit or palette PNGs): black is 0, white
     * is 1. Colour images are read through their luminance.
     */
    public static AlphaMask fromImage(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        float[] v = new float[w * h];
        Raster raster = image.getRaster();
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY
                && raster.getDataBuffer() instanceof DataBufferByte buffer
                && raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0
                && buffer.getOffset() == 0 && buffer.getData().length == w * h) {
            byte[] data = buffer.getData();
            for (int i = 0; i < v.length; i++) {
                v[i] = (data[i] & 0xFF) / 255f;
            }
        } else if (raster.getNumBands() == 1 && image.getSampleModel().getSampleSize(0) <= 16) {
            float[] lut = singleBandLookup(image);
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                raster.getSamples(0, y, w, 1, 0, row);
                for (int x = 0; x < w; x++) {
                    v[y * w + x] = lut[row[x]];
                }
            }
        } else {
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                image.getRGB(0, y, w, 1, row, 0, w);
                for (int x = 0; x < w; x++) {
                    v[y * w + x] = luminance(row[x]);
                }
            }
        }
        return new AlphaMask(w, h, v);
    }

    /** A hard mask from a grayscale image: 1 where the gray value is {@code >= threshold}, else 0. */
    public static AlphaMask fromImage(BufferedImage image, float threshold) {
        return fromImage(image).binarize(threshold);
    }

    /** A mask from the alpha channel of an image with transparency (a cutout PNG, for instance). */
    public static AlphaMask fromAlphaChannel(BufferedImage image) {
        if (!image.getColorModel().hasAlpha()) {
            throw new IllegalArgumentException("image has no alpha channel");
        }
        int w = image.getWidth();
        int h = image.getHeight();
        float[] v = new float[w * h];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                v[y * w + x] = (row[x] >>> 24) / 255f;
            }
        }
        return new AlphaMask(w, h, v);
    }

    /** Reads a grayscale mask image (PNG or any format ImageIO reads). */
    public static AlphaMask read(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        if (image == null) {
            throw new IOException("not a readable image: " + file);
        }
        return fromImage(image);
    }

    /** Reads a grayscale mask image and binarises it at {@code threshold}. */
    public static AlphaMask read(Path file, float threshold) throws IOException {
        return read(file).binarize(threshold);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int pixelCount() {
        return values.length;
    }

    /** The value at column {@code x}, row {@code y}. */
    public float get(int x, int y) {
        if (x < 0 || y < 0 || x >= width || y >= height) {
            throw new IndexOutOfBoundsException("(" + x + "," + y + ") outside " + width + "x" + height);
        }
        return values[y * width + x];
    }

    /** The value at row-major index {@code i} ({@code y * width + x}); the fast path for loops. */
    public float at(int i) {
        return values[i];
    }

    /** A copy of the values, row-major. */
    public float[] values() {
        return values.clone();
    }

    /** The values without copying, for code in this package that promises not to write them. */
    float[] data() {
        return values;
    }

    /** Whether {@code other} has the same width and height. */
    public boolean sameSize(AlphaMask other) {
        return width == other.width && height == other.height;
    }

    /** The sum of all values: the foreground area in pixels, counting soft pixels by their opacity. */
    public double area() {
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        return sum;
    }

    /** The number of pixels with a value {@code >= threshold}. */
    public int count(float threshold) {
        int n = 0;
        for (float v : values) {
            if (v >= threshold) {
                n++;
            }
        }
        return n;
    }

    /** A hard mask: 1 where the value is {@code >= threshold}, 0 elsewhere. */
    public AlphaMask binarize(float threshold) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] >= threshold ? 1f : 0f;
        }
        return new AlphaMask(width, height, out);
    }

    /**
     * This mask stretched so its minimum becomes 0 and its maximum 1 (as U²-Net's reference inference
     * does with its output); a constant mask is returned unchanged.
     */
    public AlphaMask normalized() {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (max <= min) {
            return this;
        }
        float scale = 1f / (max - min);
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Math.min(1f, (values[i] - min) * scale);
        }
        return new AlphaMask(width, height, out);
    }

    /** This mask resampled bilinearly to {@code newWidth x newHeight} (see {@link PlaneResampler}). */
    public AlphaMask resize(int newWidth, int newHeight) {
        checkSize(newWidth, newHeight);
        if (newWidth == width && newHeight == height) {
            return this;
        }
        float[] out = PlaneResampler.bilinear(width, height, newWidth, newHeight).apply(values);
        clampInPlace(out);
        return new AlphaMask(newWidth, newHeight, out);
    }

    /** An 8-bit gray image of this mask (0 black, 1 white, rounded). */
    public BufferedImage toGrayImage() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < values.length; i++) {
            data[i] = (byte) Math.round(values[i] * 255f);
        }
        return image;
    }

    /** Writes this mask as an 8-bit grayscale PNG, creating parent folders. */
    public void writePng(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!ImageIO.write(toGrayImage(), "png", file.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AlphaMask m && m.width == width && m.height == height && Arrays.equals(m.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "AlphaMask[" + width + "x" + height + ", area=" + String.format("%.1f", area()) + "]";
    }

    static void clampInPlace(float[] v) {
        for (int i = 0; i < v.length; i++) {
            float x = v[i];
            v[i] = x < 0f ? 0f : (x > 1f ? 1f : x);
        }
    }

    private static float[] singleBandLookup(BufferedImage image) {
        if (image.getColorModel() instanceof IndexColorModel icm) {
            float[] lut = new float[Math.max(icm.getMapSize(), 1 << image.getSampleModel().getSampleSize(0))];
            for (int i = 0; i < icm.getMapSize(); i++) {
                lut[i] = luminance(icm.getRGB(i));
            }
            return lut;
        }
        int bits = image.getSampleModel().getSampleSize(0);
        int max = (1 << bits) - 1;
        float[] lut = new float[max + 1];
        for (int i = 0; i <= max; i++) {
            lut[i] = (float) i / max;
        }
        return lut;
    }

    private static float luminance(int rgb) {
        int r = (rgb >> 16) & 0xFF;
        int g = (rgb >> 8) & 0xFF;
        int b = rgb & 0xFF;
        if (r == g && g == b) {
            return r / 255f;
        }
        return (0.299f * r + 0.587f * g + 0.114f * b) / 255f;
    }

    private static void checkSize(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("size must be positive: " + width + "x" + height);
        }
    }
}

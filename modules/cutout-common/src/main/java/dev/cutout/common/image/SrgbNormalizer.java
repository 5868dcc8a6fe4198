package dev.cutout.common.image;

import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;

/**
 * Turns whatever a reader produced (16-bit, grayscale, palette, CMYK-converted, ICC-tagged) into
 * 8-bit sRGB {@code TYPE_INT_RGB} or {@code TYPE_INT_ARGB}, the one layout the rest of the system handles.
 */
final class SrgbNormalizer {

    private SrgbNormalizer() {
    }

    static BufferedImage normalize(BufferedImage src) {
        if (src.getType() == BufferedImage.TYPE_INT_RGB || src.getType() == BufferedImage.TYPE_INT_ARGB) {
            return src;
        }
        ColorModel cm = src.getColorModel();
        BufferedImage dst = new BufferedImage(src.getWidth(), src.getHeight(),
                cm.hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        ColorSpace cs = cm.getColorSpace();
        boolean integerSamples = src.getRaster().getTransferType() != DataBuffer.TYPE_FLOAT
                && src.getRaster().getTransferType() != DataBuffer.TYPE_DOUBLE;
        boolean samplesAreSrgb = cm instanceof ComponentColorModel && integerSamples
                && (cs.getType() == ColorSpace.TYPE_GRAY || cs.isCS_sRGB());
        if (samplesAreSrgb && isInterleavedBytes(src)) {
            copyInterleavedBytes(src, dst);
        } else if (samplesAreSrgb) {
            copyScaledSamples(src, dst);
        } else if (cs.isCS_sRGB()) {
            Graphics2D g = dst.createGraphics();
            g.setComposite(AlphaComposite.Src);
            g.drawImage(src, 0, 0, null);
            g.dispose();
        } else {
            new ColorConvertOp(null).filter(src, dst);
        }
        return dst;
    }

    /**
     * Whether the image is 8-bit samples interleaved in one byte array (what the JPEG reader and the PNG
     * reader give for 8-bit photos and masks), so that {@link #copyInterleavedBytes} can read the array
     * directly: the per-pixel raster calls of the general path cost several times the decode itself.
     */
    private static boolean isInterleavedBytes(BufferedImage src) {
        Raster raster = src.getRaster();
        if (src.isAlphaPremultiplied() || !Rasters.startsItsArray(raster)
                || !(raster.getDataBuffer() instanceof DataBufferByte buffer)
                || !(raster.getSampleModel() instanceof PixelInterleavedSampleModel model)) {
            return false;
        }
        for (int b = 0; b < raster.getNumBands(); b++) {
            if (src.getColorModel().getComponentSize(b) != 8) {
                return false;
            }
        }
        int bands = raster.getNumBands();
        return (bands == 1 || bands == 3 || bands == 4) && model.getPixelStride() == bands
                && model.getScanlineStride() == src.getWidth() * bands
                && buffer.getData().length >= src.getWidth() * src.getHeight() * bands;
    }

    /** The fast path of {@link #copyScaledSamples} for {@linkplain #isInterleavedBytes interleaved bytes}. */
    private static void copyInterleavedBytes(BufferedImage src, BufferedImage dst) {
        Raster raster = src.getRaster();
        byte[] in = ((DataBufferByte) raster.getDataBuffer()).getData();
        int[] out = ((DataBufferInt) dst.getRaster().getDataBuffer()).getData();
        int[] offsets = ((PixelInterleavedSampleModel) raster.getSampleModel()).getBandOffsets();
        int bands = offsets.length;
        boolean gray = src.getColorModel().getNumColorComponents() == 1;
        int r = offsets[0];
        int g = gray ? r : offsets[1];
        int b = gray ? r : offsets[2];
        int alpha = src.getColorModel().hasAlpha() ? offsets[bands - 1] : -1;
        for (int i = 0, p = 0; i < out.length; i++, p += bands) {
            int a = alpha < 0 ? 0xFF : in[p + alpha] & 0xFF;
            out[i] = a << 24 | (in[p + r] & 0xFF) << 16 | (in[p + g] & 0xFF) << 8 | (in[p + b] & 0xFF);
        }
    }

    /**
     * Copies samples scaled to 8 bits, taking them as sRGB-encoded values. Java 2D's own conversion
     * would treat gray samples as linear light (its CS_GRAY) and brighten every grayscale photo.
     */
    private static void copyScaledSamples(BufferedImage src, BufferedImage dst) {
        if (src.isAlphaPremultiplied()) {
            src.coerceData(false);
        }
        ColorModel cm = src.getColorModel();
        Raster raster = src.getRaster();
        int bands = raster.getNumBands();
        int colourBands = cm.getNumColorComponents();
        boolean alpha = cm.hasAlpha();
        int[] max = new int[bands];
        for (int b = 0; b < bands; b++) {
            max[b] = (1 << cm.getComponentSize(b)) - 1;
        }
        int w = src.getWidth();
        int[] samples = new int[w * bands];
        int[] row = new int[w];
        for (int y = 0; y < src.getHeight(); y++) {
            raster.getPixels(0, y, w, 1, samples);
            for (int x = 0; x < w; x++) {
                int base = x * bands;
                int r = to8(samples[base], max[0]);
                int g = colourBands == 1 ? r : to8(samples[base + 1], max[1]);
                int b = colourBands == 1 ? r : to8(samples[base + 2], max[2]);
                int a = alpha ? to8(samples[base + colourBands], max[colourBands]) : 255;
                row[x] = a << 24 | r << 16 | g << 8 | b;
            }
            dst.setRGB(0, y, w, 1, row, 0, w);
        }
    }

    private static int to8(int sample, int max) {
        return max == 255 ? sample : (int) Math.round(sample * 255.0 / max);
    }
}

package dev.cutout.common.image;

import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
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
        if (cm instanceof ComponentColorModel && integerSamples
                && (cs.getType() == ColorSpace.TYPE_GRAY || cs.isCS_sRGB())) {
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

package dev.cutout.vision.mask;

import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;

/**
 * Reads an image row by row as packed {@code 0xRRGGBB} ints, straight from the raster's array for
 * the layouts decoders produce (3-byte BGR from JPEG, 4-byte ABGR, int RGB/ARGB) and through
 * {@link BufferedImage#getRGB} for anything else. Alpha, if any, is dropped.
 *
 * <p>{@code getRGB} converts every pixel through the colour model, which costs tens of milliseconds
 * on a full-size photo; the direct paths are several times faster.
 */
public final class RgbRowReader {

    private enum Layout { BYTE_BGR, BYTE_ABGR, INT_RGB, GENERIC }

    private final BufferedImage image;
    private final int width;
    private final Layout layout;
    private final byte[] bytes;
    private final int[] ints;
    private final int scanline;

    private RgbRowReader(BufferedImage image) {
        this.image = image;
        this.width = image.getWidth();
        Raster raster = image.getRaster();
        boolean untranslated = raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0
                && raster.getDataBuffer().getOffset() == 0 && raster.getDataBuffer().getNumBanks() == 1;
        Layout chosen = Layout.GENERIC;
        byte[] b = null;
        int[] n = null;
        int stride = 0;
        if (untranslated) {
            switch (image.getType()) {
                case BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR -> {
                    if (raster.getSampleModel() instanceof ComponentSampleModel csm
                            && raster.getDataBuffer() instanceof DataBufferByte db) {
                        chosen = image.getType() == BufferedImage.TYPE_3BYTE_BGR ? Layout.BYTE_BGR : Layout.BYTE_ABGR;
                        b = db.getData();
                        stride = csm.getScanlineStride();
                    }
                }
                case BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB -> {
                    if (raster.getSampleModel() instanceof SinglePixelPackedSampleModel sppsm
                            && raster.getDataBuffer() instanceof DataBufferInt db) {
                        chosen = Layout.INT_RGB;
                        n = db.getData();
                        stride = sppsm.getScanlineStride();
                    }
                }
                default -> { }
            }
        }
        this.layout = chosen;
        this.bytes = b;
        this.ints = n;
        this.scanline = stride;
    }

    /** A reader over {@code image}; reading does not modify it. */
    public static RgbRowReader of(BufferedImage image) {
        return new RgbRowReader(image);
    }

    public int width() {
        return width;
    }

    public int height() {
        return image.getHeight();
    }

    /** Fills {@code out[0..width)} with row {@code y} as {@code 0xRRGGBB}. */
    public void read(int y, int[] out) {
        switch (layout) {
            case BYTE_BGR -> {
                int p = y * scanline;
                for (int x = 0; x < width; x++, p += 3) {
                    out[x] = (bytes[p + 2] & 0xFF) << 16 | (bytes[p + 1] & 0xFF) << 8 | (bytes[p] & 0xFF);
                }
            }
            case BYTE_ABGR -> {
                int p = y * scanline;
                for (int x = 0; x < width; x++, p += 4) {
                    out[x] = (bytes[p + 3] & 0xFF) << 16 | (bytes[p + 2] & 0xFF) << 8 | (bytes[p + 1] & 0xFF);
                }
            }
            case INT_RGB -> {
                int p = y * scanline;
                for (int x = 0; x < width; x++) {
                    out[x] = ints[p + x] & 0xFFFFFF;
                }
            }
            case GENERIC -> {
                image.getRGB(0, y, width, 1, out, 0, width);
                for (int x = 0; x < width; x++) {
                    out[x] &= 0xFFFFFF;
                }
            }
        }
    }
}

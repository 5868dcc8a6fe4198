package dev.cutout.common.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;

/**
 * The EXIF/TIFF orientation tag (0x0112): how the stored pixels must be turned to appear upright.
 * Cameras store the sensor's pixels as shot and record the turn here; ImageIO ignores it.
 */
public enum ExifOrientation {
    /** 1: stored upright. */
    NORMAL(1),
    /** 2: mirrored left to right. */
    MIRROR_HORIZONTAL(2),
    /** 3: upside down. */
    ROTATE_180(3),
    /** 4: mirrored top to bottom. */
    MIRROR_VERTICAL(4),
    /** 5: mirrored along the main diagonal. */
    TRANSPOSE(5),
    /** 6: needs a 90 degree clockwise turn (camera held with its grip up). */
    ROTATE_90_CW(6),
    /** 7: mirrored along the anti-diagonal. */
    TRANSVERSE(7),
    /** 8: needs a 90 degree counter-clockwise turn. */
    ROTATE_270_CW(8);

    private final int tagValue;

    ExifOrientation(int tagValue) {
        this.tagValue = tagValue;
    }

    public int tagValue() {
        return tagValue;
    }

    /** The orientation for a tag value; values outside 1..8 (seen in the wild) mean {@link #NORMAL}. */
    public static ExifOrientation fromTag(int value) {
        for (ExifOrientation o : values()) {
            if (o.tagValue == value) {
                return o;
            }
        }
        return NORMAL;
    }

    /** Whether width and height trade places. */
    public boolean swapsAxes() {
        return tagValue >= 5;
    }

    /**
     * The upright image. {@code stored} must be {@link BufferedImage#TYPE_INT_RGB} or
     * {@link BufferedImage#TYPE_INT_ARGB}; the result is a new image of the same type, or {@code stored}
     * itself for NORMAL.
     */
    public BufferedImage apply(BufferedImage stored) {
        if (stored.getType() != BufferedImage.TYPE_INT_RGB && stored.getType() != BufferedImage.TYPE_INT_ARGB) {
            throw new IllegalArgumentException("orientation applies to TYPE_INT_RGB or TYPE_INT_ARGB images, got type "
                    + stored.getType());
        }
        if (this == NORMAL) {
            return stored;
        }
        int w = stored.getWidth();
        int h = stored.getHeight();
        int outW = swapsAxes() ? h : w;
        int outH = swapsAxes() ? w : h;
        int[] src = pixelsOf(stored);
        BufferedImage out = new BufferedImage(outW, outH, stored.getType());
        int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < outH; y++) {
            for (int x = 0; x < outW; x++) {
                int sx;
                int sy;
                switch (this) {
                    case MIRROR_HORIZONTAL -> { sx = w - 1 - x; sy = y; }
                    case ROTATE_180 -> { sx = w - 1 - x; sy = h - 1 - y; }
                    case MIRROR_VERTICAL -> { sx = x; sy = h - 1 - y; }
                    case TRANSPOSE -> { sx = y; sy = x; }
                    case ROTATE_90_CW -> { sx = y; sy = h - 1 - x; }
                    case TRANSVERSE -> { sx = w - 1 - y; sy = h - 1 - x; }
                    case ROTATE_270_CW -> { sx = w - 1 - y; sy = x; }
                    default -> throw new IllegalStateException(name());
                }
                dst[y * outW + x] = src[sy * w + sx];
            }
        }
        return out;
    }

    /** The pixel array itself when it is laid out row after row, else a copy; large photos need no second copy. */
    private static int[] pixelsOf(BufferedImage image) {
        if (image.getRaster().getDataBuffer() instanceof DataBufferInt buffer
                && image.getRaster().getSampleModel() instanceof SinglePixelPackedSampleModel model
                && model.getScanlineStride() == image.getWidth()
                && buffer.getOffset() == 0
                && image.getRaster().getSampleModelTranslateX() == 0
                && image.getRaster().getSampleModelTranslateY() == 0) {
            return buffer.getData();
        }
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }
}

package dev.cutout.publisher;

import dev.cutout.common.image.ImageCodec;
import dev.cutout.vision.composite.CutoutRenderer;
import dev.cutout.vision.mask.AlphaMask;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Objects;

/** Turns a photo and its mask into the encoded file of one output profile. */
public final class CutoutRendering {

    private final ImageCodec codec;

    public CutoutRendering(ImageCodec codec) {
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    /**
     * @throws dev.cutout.common.image.ImageRejectedException when the photo or mask cannot be decoded
     * @throws IllegalArgumentException                       when the mask does not fit the photo
     */
    public byte[] render(byte[] photoBytes, byte[] maskBytes, OutputProfile profile) {
        BufferedImage photo = codec.decode(photoBytes).image();
        AlphaMask mask = AlphaMask.fromImage(codec.decodeMask(maskBytes));
        if (mask.width() != photo.getWidth() || mask.height() != photo.getHeight()) {
            throw new IllegalArgumentException("mask is " + mask.width() + "x" + mask.height() + " but the photo is "
                    + photo.getWidth() + "x" + photo.getHeight());
        }
        BufferedImage rendered = new CutoutRenderer(profile.render()).render(photo, mask).image();
        BufferedImage sized = profile.longSide() > 0 ? scaleToLongSide(rendered, profile.longSide()) : rendered;
        return switch (profile.format()) {
            case PNG -> codec.encodePng(sized);
            case JPEG -> codec.encodeJpeg(sized, profile.quality());
            default -> throw new IllegalStateException("no encoder for " + profile.format());
        };
    }

    static BufferedImage scaleToLongSide(BufferedImage image, int longSide) {
        double scale = (double) longSide / Math.max(image.getWidth(), image.getHeight());
        int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
        int type = image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        BufferedImage scaled = new BufferedImage(width, height, type);
        Graphics2D g = scaled.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return scaled;
    }
}

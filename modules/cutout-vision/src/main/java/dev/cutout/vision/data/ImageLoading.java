package dev.cutout.vision.data;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Reads training pairs into compact {@link LabelledImage}s, downscaled to a longest side. */
public final class ImageLoading {

    private ImageLoading() {}

    /** Reads an image file, failing with the path in the message when it is not an image. */
    public static BufferedImage read(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        if (image == null) {
            throw new IOException("not a readable image: " + file);
        }
        return image;
    }

    /** Loads a pair, downscaling both so the longest side is at most {@code maxSide}. */
    public static LabelledImage load(PairFolder.Pair pair, int maxSide) throws IOException {
        BufferedImage image = read(pair.image());
        BufferedImage mask = read(pair.mask());
        if (image.getWidth() != mask.getWidth() || image.getHeight() != mask.getHeight()) {
            throw new IOException("image and mask sizes differ for " + pair.name());
        }
        double scale = Math.min(1.0, maxSide / (double) Math.max(image.getWidth(), image.getHeight()));
        int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage rgb = redraw(image, w, h, BufferedImage.TYPE_3BYTE_BGR);
        BufferedImage gray = redraw(mask, w, h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] bgr = ((DataBufferByte) rgb.getRaster().getDataBuffer()).getData();
        byte[] interleaved = new byte[w * h * 3];
        for (int i = 0; i < w * h; i++) {
            interleaved[i * 3] = bgr[i * 3 + 2];
            interleaved[i * 3 + 1] = bgr[i * 3 + 1];
            interleaved[i * 3 + 2] = bgr[i * 3];
        }
        byte[] m = ((DataBufferByte) gray.getRaster().getDataBuffer()).getData().clone();
        return new LabelledImage(pair.name(), pair.group(), w, h, interleaved, m);
    }

    /** Draws into a new image of the given type and size: converts 1-bit and palette masks too. */
    private static BufferedImage redraw(BufferedImage source, int w, int h, int type) {
        BufferedImage out = new BufferedImage(w, h, type);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}

package dev.cutout.vision.data;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Writes a small image/mask folder for tests: coloured ellipses ("products") on noisy light
 * backgrounds, named like Carvana views ({@code GROUP_NN}).
 */
public final class SyntheticPairs {

    private SyntheticPairs() {}

    /** Writes {@code groups x views} pairs of {@code width x height} under {@code dir}. */
    public static PairFolder write(Path dir, int groups, int views, int width, int height, long seed)
            throws IOException {
        Path images = Files.createDirectories(dir.resolve("images"));
        Path masks = Files.createDirectories(dir.resolve("masks"));
        Random random = new Random(seed);
        for (int g = 0; g < groups; g++) {
            for (int v = 1; v <= views; v++) {
                BufferedImage photo = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
                BufferedImage mask = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
                int bg = 200 + random.nextInt(50);
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        int n = bg + random.nextInt(6);
                        photo.setRGB(x, y, new Color(n, n, n).getRGB());
                    }
                }
                int w = width / 3 + random.nextInt(width / 3);
                int h = height / 3 + random.nextInt(height / 3);
                int x0 = random.nextInt(width - w);
                int y0 = random.nextInt(height - h);
                Graphics2D gp = photo.createGraphics();
                gp.setColor(new Color(random.nextInt(150), random.nextInt(150), random.nextInt(150)));
                gp.fillOval(x0, y0, w, h);
                gp.dispose();
                Graphics2D gm = mask.createGraphics();
                gm.setColor(Color.WHITE);
                gm.fillOval(x0, y0, w, h);
                gm.dispose();
                String name = String.format("g%03d_%02d", g, v);
                ImageIO.write(photo, "jpg", images.resolve(name + ".jpg").toFile());
                ImageIO.write(mask, "png", masks.resolve(name + ".png").toFile());
            }
        }
        return PairFolder.of(dir, 1.0);
    }
}

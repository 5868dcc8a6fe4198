package dev.cutout.vision.quality;

import dev.cutout.vision.mask.AlphaMask;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Measures the {@link MaskEvidence} of a mask and its photo. Stateless and thread-safe. */
public final class MaskEvidenceExtractor {

    static final float FOREGROUND = 0.5f;
    static final float UNCERTAIN_LOW = 0.1f;
    static final float UNCERTAIN_HIGH = 0.9f;
    /** Pieces and holes smaller than this share of the image are specks, not fragments or holes. */
    static final double MIN_REGION_SHARE = 0.0005;
    /** A side counts as touched when this share of its pixels is foreground. */
    static final double SIDE_CONTACT_SHARE = 0.01;

    /** Measures {@code mask} against {@code photo}; a photo of another size is resampled to the mask's size. */
    public MaskEvidence measure(BufferedImage photo, AlphaMask mask) {
        int width = mask.width();
        int height = mask.height();
        int n = width * height;
        boolean[] foreground = new boolean[n];
        int foregroundCount = 0;
        int uncertain = 0;
        for (int i = 0; i < n; i++) {
            float alpha = mask.at(i);
            foreground[i] = alpha >= FOREGROUND;
            if (foreground[i]) {
                foregroundCount++;
            }
            if (alpha > UNCERTAIN_LOW && alpha < UNCERTAIN_HIGH) {
                uncertain++;
            }
        }
        boolean[] outline = outline(foreground, width, height);
        int perimeter = 0;
        for (boolean b : outline) {
            if (b) {
                perimeter++;
            }
        }
        int minRegion = (int) Math.max(4, Math.round(MIN_REGION_SHARE * n));

        List<Regions.Region> pieces = Regions.of(foreground, true, width, height, true).stream()
                .filter(r -> r.size() >= minRegion)
                .sorted(Comparator.comparingInt(Regions.Region::size).reversed())
                .toList();
        long piecesArea = pieces.stream().mapToLong(Regions.Region::size).sum();
        double fragmentShare = pieces.size() < 2 ? 0 : (piecesArea - pieces.get(0).size()) / (double) piecesArea;

        List<Regions.Region> holes = Regions.of(foreground, false, width, height, false).stream()
                .filter(r -> !r.touchesFrame() && r.size() >= minRegion)
                .toList();
        long holeArea = holes.stream().mapToLong(Regions.Region::size).sum();
        double holeShare = holeArea == 0 ? 0 : holeArea / (double) (foregroundCount + holeArea);

        Set<BorderSide> sides = EnumSet.noneOf(BorderSide.class);
        int top = countRow(foreground, width, 0);
        int bottom = countRow(foreground, width, height - 1);
        int left = countColumn(foreground, width, height, 0);
        int right = countColumn(foreground, width, height, width - 1);
        addIfTouched(sides, BorderSide.TOP, top, width);
        addIfTouched(sides, BorderSide.BOTTOM, bottom, width);
        addIfTouched(sides, BorderSide.LEFT, left, height);
        addIfTouched(sides, BorderSide.RIGHT, right, height);
        double borderContact = (top + bottom + left + right) / (double) (2 * width + 2 * height);

        double edgeAgreement = edgeAgreement(luminance(photo, width, height), outline, width, height);

        return new MaskEvidence(width, height, foregroundCount / (double) n, uncertain / (double) n,
                uncertain / (double) Math.max(1, perimeter), perimeter, pieces.size(), fragmentShare, holes.size(),
                holeShare, borderContact, sides, edgeAgreement);
    }

    private static boolean[] outline(boolean[] foreground, int width, int height) {
        boolean[] outline = new boolean[foreground.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                if (foreground[i] && ((x > 0 && !foreground[i - 1]) || (x < width - 1 && !foreground[i + 1])
                        || (y > 0 && !foreground[i - width]) || (y < height - 1 && !foreground[i + width]))) {
                    outline[i] = true;
                }
            }
        }
        return outline;
    }

    private static int countRow(boolean[] foreground, int width, int y) {
        int count = 0;
        for (int x = 0; x < width; x++) {
            if (foreground[y * width + x]) {
                count++;
            }
        }
        return count;
    }

    private static int countColumn(boolean[] foreground, int width, int height, int x) {
        int count = 0;
        for (int y = 0; y < height; y++) {
            if (foreground[y * width + x]) {
                count++;
            }
        }
        return count;
    }

    private static void addIfTouched(Set<BorderSide> sides, BorderSide side, int count, int length) {
        if (count > 0 && count >= SIDE_CONTACT_SHARE * length) {
            sides.add(side);
        }
    }

    /** Luminance in [0,1] at the mask's size. */
    private static float[] luminance(BufferedImage photo, int width, int height) {
        BufferedImage image = photo;
        if (photo.getWidth() != width || photo.getHeight() != height) {
            image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(photo, 0, 0, width, height, null);
            g.dispose();
        }
        int[] rgb = image.getRGB(0, 0, width, height, null, 0, width);
        float[] luma = new float[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            int p = rgb[i];
            luma[i] = (0.299f * ((p >> 16) & 0xff) + 0.587f * ((p >> 8) & 0xff) + 0.114f * (p & 0xff)) / 255f;
        }
        return luma;
    }

    /** b / (b + o): Sobel gradient magnitude on the outline (b) against everywhere else (o). */
    private static double edgeAgreement(float[] luma, boolean[] outline, int width, int height) {
        double onSum = 0;
        double offSum = 0;
        long on = 0;
        long off = 0;
        for (int y = 1; y < height - 1; y++) {
            for (int x = 1; x < width - 1; x++) {
                int i = y * width + x;
                float gx = (luma[i - width + 1] + 2 * luma[i + 1] + luma[i + width + 1])
                        - (luma[i - width - 1] + 2 * luma[i - 1] + luma[i + width - 1]);
                float gy = (luma[i + width - 1] + 2 * luma[i + width] + luma[i + width + 1])
                        - (luma[i - width - 1] + 2 * luma[i - width] + luma[i - width + 1]);
                double magnitude = Math.sqrt(gx * gx + gy * gy);
                if (outline[i]) {
                    onSum += magnitude;
                    on++;
                } else {
                    offSum += magnitude;
                    off++;
                }
            }
        }
        if (on == 0) {
            return 0;
        }
        double b = onSum / on;
        double o = off == 0 ? 0 : offSum / off;
        // 1e-3 keeps a flat photo (no gradient anywhere) at 0 instead of 0/0.
        return b / (b + o + 1e-3);
    }
}

package dev.cutout.vision.verify;

import dev.cutout.vision.mask.AlphaMask;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;

/**
 * Colour and layout statistics of a photo and its mask, for grouping products into clusters that
 * get their own publish thresholds ({@link ProductClusters}): a light shirt on a white background
 * fails differently from dark shoes on grey, and a tall dress differently from a wide sofa.
 *
 * <p>Luminance is Rec. 601 luma ({@code 0.299 R + 0.587 G + 0.114 B}) and colours are in
 * {@code [0, 1]}. The subject is where the mask is at least one half. The photo is sampled at the
 * mask's pixel centres (nearest pixel), so photo and mask may differ in size; the aspect is
 * measured in the photo's proportions. With no subject the subject's figures take neutral values
 * (its luminance that of the background, contrast, saturation, area and log aspect 0, centroid
 * 0.5); with no background the background's luminance is the subject's and its variance 0. No
 * value is ever NaN, so every photo can be clustered.
 */
public final class ClusterFeatures {

    /** The names of the values {@link #of} returns, in order. */
    public static final List<String> NAMES = List.of(
            "background_luminance", // mean luma where the mask is below one half
            "subject_luminance", // mean luma where it is at least one half
            "contrast", // |subjectLuminance - backgroundLuminance|
            "subject_saturation", // mean HSV saturation of the subject, (max - min) / max
            "log_aspect", // ln(width / height) of the subject's bounding box, in the photo's proportions
            "subject_area_share", // the subject's share of the frame
            "centroid_y", // the subject's centroid row over the height: 0 top, 1 bottom
            "background_variance"); // mean over R, G, B of the background's variance: 0 for a plain one

    static final int BACKGROUND_LUMINANCE = 0;
    static final int SUBJECT_LUMINANCE = 1;
    static final int CONTRAST = 2;
    static final int SUBJECT_SATURATION = 3;
    static final int LOG_ASPECT = 4;
    static final int AREA_SHARE = 5;
    static final int CENTROID_Y = 6;
    static final int BACKGROUND_VARIANCE = 7;

    private ClusterFeatures() {
    }

    /** The features of {@code photo} with the subject given by {@code mask}, in the order of {@link #NAMES}. */
    public static double[] of(BufferedImage photo, AlphaMask mask) {
        Objects.requireNonNull(photo, "photo");
        Objects.requireNonNull(mask, "mask");
        int w = mask.width();
        int h = mask.height();
        int pw = photo.getWidth();
        int ph = photo.getHeight();
        int[] photoRow = new int[pw];
        int[] column = new int[w];
        for (int x = 0; x < w; x++) {
            column[x] = Math.min(pw - 1, (int) ((x + 0.5) * pw / w));
        }
        long subjectCount = 0;
        double subjectLuma = 0;
        double saturation = 0;
        double rowSum = 0;
        int left = w;
        int right = -1;
        int top = h;
        int bottom = -1;
        long backgroundCount = 0;
        double[] sum = new double[3];
        double[] sumSquares = new double[3];
        double backgroundLuma = 0;
        for (int y = 0; y < h; y++) {
            int py = Math.min(ph - 1, (int) ((y + 0.5) * ph / h));
            photo.getRGB(0, py, pw, 1, photoRow, 0, pw);
            for (int x = 0; x < w; x++) {
                int rgb = photoRow[column[x]];
                double r = ((rgb >> 16) & 0xFF) / 255.0;
                double g = ((rgb >> 8) & 0xFF) / 255.0;
                double b = (rgb & 0xFF) / 255.0;
                double luma = 0.299 * r + 0.587 * g + 0.114 * b;
                if (mask.at(y * w + x) >= 0.5f) {
                    subjectCount++;
                    subjectLuma += luma;
                    double max = Math.max(r, Math.max(g, b));
                    double min = Math.min(r, Math.min(g, b));
                    saturation += max > 0 ? (max - min) / max : 0;
                    rowSum += y;
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                } else {
                    backgroundCount++;
                    backgroundLuma += luma;
                    sum[0] += r;
                    sum[1] += g;
                    sum[2] += b;
                    sumSquares[0] += r * r;
                    sumSquares[1] += g * g;
                    sumSquares[2] += b * b;
                }
            }
        }
        double[] f = new double[NAMES.size()];
        double subjectMean = subjectCount == 0 ? Double.NaN : subjectLuma / subjectCount;
        double backgroundMean = backgroundCount == 0 ? subjectMean : backgroundLuma / backgroundCount;
        if (subjectCount == 0) {
            subjectMean = backgroundMean;
        }
        f[BACKGROUND_LUMINANCE] = backgroundMean;
        f[SUBJECT_LUMINANCE] = subjectMean;
        f[CONTRAST] = Math.abs(subjectMean - backgroundMean);
        if (subjectCount > 0) {
            f[SUBJECT_SATURATION] = saturation / subjectCount;
            double boxWidth = (right - left + 1) * (double) pw / w;
            double boxHeight = (bottom - top + 1) * (double) ph / h;
            f[LOG_ASPECT] = Math.log(boxWidth / boxHeight);
            f[AREA_SHARE] = subjectCount / (double) (w * h);
            f[CENTROID_Y] = (rowSum / subjectCount + 0.5) / h;
        } else {
            f[CENTROID_Y] = 0.5;
        }
        if (backgroundCount > 0) {
            double variance = 0;
            for (int c = 0; c < 3; c++) {
                double mean = sum[c] / backgroundCount;
                variance += Math.max(0, sumSquares[c] / backgroundCount - mean * mean);
            }
            f[BACKGROUND_VARIANCE] = variance / 3;
        }
        return f;
    }
}

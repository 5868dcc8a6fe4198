package dev.cutout.vision.verify;

import dev.cutout.vision.mask.AlphaMask;
import dev.cutout.vision.mask.PlaneResampler;
import dev.cutout.vision.quality.MaskEvidence;
import dev.cutout.vision.quality.MaskEvidenceExtractor;
import java.util.ArrayList;
import java.util.List;

/**
 * What the quality network sees of one mask: a small four-channel picture (the photo's RGB and the soft
 * mask, {@value #INPUT_SIDE} px square) and a vector of cheap features (the mask's evidence followed by
 * the photo's cluster features), plus the evidence and cluster features themselves, which the scorer
 * needs for reason codes and the cluster.
 *
 * @param image           {@code 4 x INPUT_SIDE x INPUT_SIDE}, channel-major: R, G, B in [-1,1], mask in [0,1]
 * @param features        raw feature values in the order of {@link #FEATURE_NAMES}
 * @param evidence        the mask's evidence at the working resolution
 * @param clusterFeatures the photo's {@link ClusterFeatures}
 */
public record QualityInputs(float[] image, float[] features, MaskEvidence evidence, double[] clusterFeatures) {

    /** Side of the network's picture input. Stretched, not letterboxed: the aspect is among the features. */
    public static final int INPUT_SIDE = 64;
    public static final int CHANNELS = 4;
    /** The evidence features, then the cluster features. */
    public static final List<String> FEATURE_NAMES = names();

    private static final MaskEvidenceExtractor EXTRACTOR = new MaskEvidenceExtractor();

    public static QualityInputs of(QualityView view) {
        MaskEvidence evidence = EXTRACTOR.measure(view.photo(), view.mask());
        double[] cluster = ClusterFeatures.of(view.photo(), view.mask());
        double[] evidenceFeatures = evidence.features();
        float[] features = new float[evidenceFeatures.length + cluster.length];
        for (int i = 0; i < evidenceFeatures.length; i++) {
            features[i] = (float) evidenceFeatures[i];
        }
        for (int i = 0; i < cluster.length; i++) {
            features[evidenceFeatures.length + i] = (float) cluster[i];
        }
        return new QualityInputs(picture(view), features, evidence, cluster);
    }

    private static float[] picture(QualityView view) {
        int w = view.width();
        int h = view.height();
        int[] argb = view.photo().getRGB(0, 0, w, h, null, 0, w);
        float[][] planes = new float[3][w * h];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            planes[0][i] = ((p >> 16) & 0xff) / 127.5f - 1f;
            planes[1][i] = ((p >> 8) & 0xff) / 127.5f - 1f;
            planes[2][i] = (p & 0xff) / 127.5f - 1f;
        }
        PlaneResampler resampler = PlaneResampler.bilinear(w, h, INPUT_SIDE, INPUT_SIDE);
        int plane = INPUT_SIDE * INPUT_SIDE;
        float[] image = new float[CHANNELS * plane];
        for (int c = 0; c < 3; c++) {
            System.arraycopy(resampler.apply(planes[c]), 0, image, c * plane, plane);
        }
        AlphaMask small = view.mask().resize(INPUT_SIDE, INPUT_SIDE);
        System.arraycopy(small.values(), 0, image, 3 * plane, plane);
        return image;
    }

    private static List<String> names() {
        List<String> names = new ArrayList<>(MaskEvidence.FEATURE_NAMES);
        names.addAll(ClusterFeatures.NAMES);
        return List.copyOf(names);
    }
}

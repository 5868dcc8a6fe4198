package dev.cutout.vision.verify;

/**
 * One labelled example for the quality network: a mask of a photo, what the network sees of it, and
 * how good it really is.
 *
 * @param photo           the photo's name in its folder
 * @param source          {@link #PREDICTION} for the segmenter's own mask, else the {@link MaskDamage} that made it
 * @param image           the network's picture input (see {@link QualityInputs#image()})
 * @param features        raw features (see {@link QualityInputs#FEATURE_NAMES})
 * @param clusterFeatures the photo's {@link ClusterFeatures}
 * @param trueIou         IoU with the true mask (at full resolution for predictions, at the working one
 *                        for damaged masks)
 * @param label           the class the second head learns
 */
public record QualitySample(String photo, String source, float[] image, float[] features, double[] clusterFeatures,
                            double trueIou, QualityLabel label) {

    public static final String PREDICTION = "prediction";

    public static QualitySample of(String photo, String source, QualityInputs inputs, double trueIou,
            QualityLabel label) {
        return new QualitySample(photo, source, inputs.image(), inputs.features(), inputs.clusterFeatures(), trueIou,
                label);
    }

    public boolean isPrediction() {
        return PREDICTION.equals(source);
    }
}

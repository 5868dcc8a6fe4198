package dev.cutout.cli;

import dev.cutout.router.RouterConfig;
import dev.cutout.vision.verify.VerifierCard;
import dev.cutout.vision.verify.VerifierModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Router settings that apply one publish threshold whatever the verifier chose: the same value for every
 * product cluster the shipped verifier can assign (and for none), since a cluster's threshold on the
 * event would otherwise win over the default. For measurements and tests that need photos to reach the
 * publisher (0 publishes every one).
 */
final class EveryClusterThreshold {

    private EveryClusterThreshold() {
    }

    static Map<String, Object> routerOverrides(double threshold) {
        Map<String, Object> overrides = new HashMap<>();
        overrides.put(RouterConfig.PUBLISH_THRESHOLD, threshold);
        for (int cluster = -1; cluster < shippedVerifierClusters(); cluster++) {
            overrides.put(RouterConfig.CLUSTER_THRESHOLD_PREFIX + cluster, threshold);
        }
        return overrides;
    }

    private static int shippedVerifierClusters() {
        try (InputStream in = VerifierModel.class.getResourceAsStream(
                VerifierModel.DEFAULT_RESOURCE_DIR + VerifierModel.DEFAULT_NAME + ".card.json")) {
            if (in == null) {
                throw new IOException("the shipped verifier's card is missing from the classpath");
            }
            return VerifierCard.read(in).clusters().centroids().size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.cutout.router;

import dev.cutout.events.MaskScored;
import dev.cutout.events.ProductCluster;
import java.util.Map;

/**
 * The router's decision thresholds. The publish threshold of a mask is, in order: the one configured
 * for its cluster; the one its verifier model chose for the cluster on held-out data (carried on the
 * event); the configured default.
 *
 * @param publish       default publish threshold: scores at or above it are approved automatically
 * @param dataset       scores at or above it also become model-labelled dataset samples
 * @param clusterPublish publish thresholds per product cluster, by cluster label or id
 */
public record Thresholds(double publish, double dataset, Map<String, Double> clusterPublish) {

    public Thresholds {
        clusterPublish = Map.copyOf(clusterPublish);
    }

    /** The publish threshold of a scored mask (see the class comment for the order). */
    public double publishFor(MaskScored mask) {
        Double configured = configuredFor(mask.getCluster());
        if (configured != null) {
            return configured;
        }
        return mask.getPublishThreshold() != null ? mask.getPublishThreshold() : publish;
    }

    /** The publish threshold configured for {@code cluster}, by label, else by id; null when none is. */
    private Double configuredFor(ProductCluster cluster) {
        if (cluster == null) {
            return null;
        }
        if (cluster.getLabel() != null && clusterPublish.containsKey(cluster.getLabel())) {
            return clusterPublish.get(cluster.getLabel());
        }
        return clusterPublish.get(String.valueOf(cluster.getId()));
    }
}

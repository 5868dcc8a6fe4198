package dev.cutout.router;

import dev.cutout.events.ProductCluster;
import java.util.Map;

/**
 * The router's decision thresholds.
 *
 * @param publish       default publish threshold: scores at or above it are approved automatically
 * @param dataset       scores at or above it also become model-labelled dataset samples
 * @param clusterPublish publish thresholds per product cluster, by cluster label or id
 */
public record Thresholds(double publish, double dataset, Map<String, Double> clusterPublish) {

    public Thresholds {
        clusterPublish = Map.copyOf(clusterPublish);
    }

    /** The publish threshold of {@code cluster}: its own by label, else by id, else the default. */
    public double publishFor(ProductCluster cluster) {
        if (cluster == null) {
            return publish;
        }
        if (cluster.getLabel() != null && clusterPublish.containsKey(cluster.getLabel())) {
            return clusterPublish.get(cluster.getLabel());
        }
        return clusterPublish.getOrDefault(String.valueOf(cluster.getId()), publish);
    }
}

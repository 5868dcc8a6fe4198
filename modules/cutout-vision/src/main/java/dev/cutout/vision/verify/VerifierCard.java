package dev.cutout.vision.verify;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a verifier release needs besides its weights, stored beside them as
 * {@code NAME.card.json}: how its inputs are made and standardised, its product clusters and publish
 * thresholds, the data and schedule it was trained with, and its measured quality.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerifierCard(
        String name,
        int version,
        String architecture,
        long parameters,
        int workingSide,
        int inputSide,
        List<String> featureNames,
        double[] featureMeans,
        double[] featureScales,
        ProductClusters.Snapshot clusters,
        PublishPolicy publishPolicy,
        String segmenter,
        List<String> trainingData,
        Map<String, Object> schedule,
        List<Epoch> history,
        Map<String, String> evaluations,
        String notice) {

    /** One training epoch: loss on the training samples; loss, rank correlation and error on calibration masks. */
    public record Epoch(int epoch, double trainLoss, double calibrationLoss, double calibrationSpearman,
                        double calibrationMae, double seconds) {
    }

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT).enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    public static Path fileFor(Path dir, String name) {
        return dir.resolve(name + ".card.json");
    }

    public FeatureScaler scaler() {
        return new FeatureScaler(featureMeans, featureScales);
    }

    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        JSON.writeValue(fileFor(dir, name).toFile(), this);
    }

    public static VerifierCard read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), VerifierCard.class);
    }

    public static VerifierCard read(InputStream in) throws IOException {
        return JSON.readValue(in, VerifierCard.class);
    }

    /** A copy with one more evaluation line (e.g. {@code carvana-val+duts-val -> "n=.. spearman=.."}). */
    public VerifierCard withEvaluation(String dataset, String summary) {
        Map<String, String> next = new TreeMap<>(evaluations == null ? Map.of() : evaluations);
        next.put(dataset, summary);
        return new VerifierCard(name, version, architecture, parameters, workingSide, inputSide, featureNames,
                featureMeans, featureScales, clusters, publishPolicy, segmenter, trainingData, schedule, history,
                next, notice);
    }
}

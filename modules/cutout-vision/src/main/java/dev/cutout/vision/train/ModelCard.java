package dev.cutout.vision.train;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cutout.vision.model.SegmenterModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a released model is and how good it is, stored beside its weights as
 * {@code NAME.card.json}: architecture, input size, data, schedule, per-epoch history and the
 * evaluations measured on held-out data (added by {@code cutout eval}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelCard(
        String name,
        String version,
        String architecture,
        long parameters,
        int inputSize,
        Integer servingInputSize,
        List<String> trainingData,
        Map<String, Object> schedule,
        List<EpochRecord> history,
        Map<String, String> evaluations,
        String notice) {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT).enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    /** The research-grade terms every card trained on the shared sets carries. */
    public static final String RESEARCH_NOTICE = "Research-grade default trained on Carvana (Kaggle competition "
            + "data, research use) and DUTS (research dataset). Retrain on your own studio data for production.";

    /**
     * The input size inference runs at when none is asked for: {@code servingInputSize} when the card
     * names one (a size measured better on held-out data than the training size; the network is fully
     * convolutional), else the size it was trained at.
     */
    public int defaultInferenceSize() {
        return servingInputSize != null && servingInputSize > 0 ? servingInputSize : inputSize;
    }

    public static Path fileFor(Path dir, String name) {
        return dir.resolve(name + ".card.json");
    }

    /** The card beside a weights file ({@code NAME.card.json} next to {@code NAME-0000.params}), or null without one. */
    public static ModelCard besideWeights(Path paramsFile) throws IOException {
        Path file = fileFor(paramsFile.toAbsolutePath().getParent(), SegmenterModels.nameOf(paramsFile));
        return Files.exists(file) ? read(file) : null;
    }

    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        JSON.writeValue(fileFor(dir, name).toFile(), this);
    }

    public static ModelCard read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), ModelCard.class);
    }

    /** A copy with one more evaluation line (e.g. {@code carvana-val -> "n=.. iou=.."}). */
    public ModelCard withEvaluation(String dataset, String summary) {
        Map<String, String> next = new java.util.TreeMap<>(evaluations == null ? Map.of() : evaluations);
        next.put(dataset, summary);
        return new ModelCard(name, version, architecture, parameters, inputSize, servingInputSize, trainingData,
                schedule, history, next, notice);
    }
}

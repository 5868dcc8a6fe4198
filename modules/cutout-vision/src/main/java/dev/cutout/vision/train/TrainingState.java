package dev.cutout.vision.train;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * What a checkpoint remembers besides the weights: epochs done, optimizer steps taken (for the
 * learning-rate schedule), the best validation IoU so far and the history of every epoch.
 */
public record TrainingState(int epochsDone, int stepsDone, double bestIou, List<EpochRecord> history) {

    static final String FILE = "state.json";
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT).enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    static TrainingState fresh() {
        return new TrainingState(0, 0, -1, new ArrayList<>());
    }

    static TrainingState readOrFresh(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        return Files.exists(file) ? JSON.readValue(file.toFile(), TrainingState.class) : fresh();
    }

    /** Writes atomically: a crash mid-write never leaves a half state next to good weights. */
    void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path tmp = dir.resolve(FILE + ".tmp");
        JSON.writeValue(tmp.toFile(), this);
        Files.move(tmp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    TrainingState after(EpochRecord record, int steps) {
        List<EpochRecord> next = new ArrayList<>(history);
        next.add(record);
        return new TrainingState(record.epoch(), steps, Double.isNaN(record.validationIou()) ? bestIou : Math.max(bestIou, record.validationIou()), next);
    }
}

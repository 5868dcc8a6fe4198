package dev.cutout.vision.train;

import ai.djl.Model;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * A training run's checkpoint folder: the latest epoch's weights ({@code checkpoint-NNNN.params}),
 * the {@link TrainingState} that points past them and the curves so far. A run resumes from it.
 * The weights of the last {@link #SNAPSHOTS_KEPT} epochs are also kept, as
 * {@code snapshots/epoch-NNNN-0000.params}, for {@link WeightAveraging}.
 */
final class Checkpoints {

    private static final String NAME = "checkpoint";
    static final int SNAPSHOTS_KEPT = 5;

    private final Path dir;

    Checkpoints(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    boolean exist() throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(p -> p.getFileName().toString().startsWith(NAME + "-"));
        }
    }

    Path latest() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches(NAME + "-\\d{4}\\.params"))
                    .max(Path::compareTo).orElseThrow(() -> new IOException("no checkpoint in " + dir));
        }
    }

    TrainingState state() throws IOException {
        return TrainingState.readOrFresh(dir);
    }

    /** Weights first, then the state that points past them: a crash in between only repeats an epoch. */
    void save(Model model, TrainingState state) throws IOException {
        Files.createDirectories(dir);
        model.setProperty("Epoch", String.valueOf(state.epochsDone()));
        model.save(dir, NAME);
        try (Stream<Path> files = Files.list(dir)) {
            String keep = String.format("%s-%04d.params", NAME, state.epochsDone());
            for (Path old : files.filter(p -> p.getFileName().toString().startsWith(NAME + "-")
                    && !p.getFileName().toString().equals(keep)).toList()) {
                Files.delete(old);
            }
        }
        keepSnapshot(dir.resolve(String.format("%s-%04d.params", NAME, state.epochsDone())), state.epochsDone());
        state.write(dir);
        TrainingCurvePlot.write(state.history(), dir.resolve("curves.png"));
    }

    private void keepSnapshot(Path weights, int epoch) throws IOException {
        Path snapshots = Files.createDirectories(dir.resolve("snapshots"));
        Files.copy(weights, snapshots.resolve(String.format("epoch-%04d-0000.params", epoch)),
                StandardCopyOption.REPLACE_EXISTING);
        try (Stream<Path> files = Files.list(snapshots)) {
            List<Path> all = files.filter(p -> p.getFileName().toString().matches("epoch-\\d{4}-0000\\.params"))
                    .sorted().toList();
            for (Path old : all.subList(0, Math.max(0, all.size() - SNAPSHOTS_KEPT))) {
                Files.delete(old);
            }
        }
    }
}

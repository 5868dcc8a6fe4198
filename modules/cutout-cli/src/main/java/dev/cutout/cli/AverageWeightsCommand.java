package dev.cutout.cli;

import dev.cutout.vision.data.PairFolder;
import dev.cutout.vision.model.U2NetSize;
import dev.cutout.vision.train.ModelCard;
import dev.cutout.vision.train.WeightAveraging;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cutout average-weights}: one segmenter from the mean of several snapshots of a training run. */
@Command(name = "average-weights", mixinStandardHelpOptions = true,
        description = "Averages the weights of several snapshots of one training run (stochastic weight "
                + "averaging) into one segmenter, with a card listing the snapshots.")
final class AverageWeightsCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "PARAMS",
            description = "A snapshot's weights (NAME-0000.params, card beside it); give two or more.")
    List<Path> snapshots;

    @Option(names = "--model-size", defaultValue = "small", description = "small or full. Default: ${DEFAULT-VALUE}.")
    U2NetSize size;

    @Option(names = "--version", required = true, description = "Version for the averaged model's card.")
    String version;

    @Option(names = "--data", paramLabel = "DIR[:WEIGHT]",
            description = "Training folders (images/ and masks/) to recompute the batch-norm statistics on, whole"
                    + " photos at the card's serving size, the held-out groups left out; repeatable. Without it the"
                    + " statistics are averaged like the weights.")
    List<String> data = List.of();

    @Option(names = "--batch-norm-batches", defaultValue = "150", paramLabel = "N",
            description = "Batches of 8 photos the statistics are recomputed over. Default: ${DEFAULT-VALUE}.")
    int batchNormBatches;

    @Option(names = {"-o", "--output"}, required = true, description = "Folder for the averaged weights and card.")
    Path output;

    @Override
    public Integer call() throws Exception {
        if (snapshots.size() < 2) {
            throw new UserError("give at least two --model snapshots to average");
        }
        for (Path snapshot : snapshots) {
            if (!Files.isRegularFile(snapshot)) {
                throw new UserError("no weights file at " + snapshot);
            }
        }
        WeightAveraging.BatchNormData batchNorm = null;
        if (!data.isEmpty()) {
            try {
                batchNorm = new WeightAveraging.BatchNormData(data.stream().map(PairFolder::parse).toList(),
                        batchNormBatches);
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
        }
        ModelCard card = WeightAveraging.average(snapshots, size, version, output, batchNorm);
        spec.commandLine().getOut().printf("averaged %d snapshots into %s (%s)%n", snapshots.size(),
                output.resolve(card.name() + "-0000.params"), card.version());
        return 0;
    }
}

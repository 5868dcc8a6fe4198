package dev.cutout.vision.train;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import dev.cutout.vision.data.PairFolder;
import dev.cutout.vision.model.SegmenterModels;
import dev.cutout.vision.model.U2Net;
import dev.cutout.vision.model.U2NetSize;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Averages the weights of several snapshots of one training run (stochastic weight averaging, Izmailov
 * et al. 2018). Late in a run consecutive epochs scatter around a wide optimum and each scores a little
 * differently on held-out photos; their mean lies nearer its centre. Batch-norm statistics are
 * averaged like the weights, or recomputed for the averaged weights on whole training photos
 * ({@link BatchNormStatistics}, which says why averaging stayed the default).
 */
public final class WeightAveraging {

    /** Photos per batch when batch-norm statistics are recomputed, as in training. */
    public static final int BATCH_NORM_BATCH_SIZE = 8;

    private static final long SEED = 23;

    private WeightAveraging() {}

    /**
     * Photos to recompute the averaged network's batch-norm statistics on ({@link BatchNormStatistics}):
     * the training split of {@code folders}, whole, at the size the last snapshot's card serves at.
     *
     * @param batches batches of {@link #BATCH_NORM_BATCH_SIZE} photos
     */
    public record BatchNormData(List<PairFolder> folders, int batches) {

        public BatchNormData {
            folders = List.copyOf(folders);
            if (folders.isEmpty() || batches < 1) {
                throw new IllegalArgumentException("batch-norm data needs folders and at least one batch");
            }
        }
    }

    /**
     * Writes {@code outputDir/NAME-0000.params}, the element-wise mean of the snapshots' parameters, and a
     * card: the last snapshot's (its history, sizes and data), versioned {@code version}, with the
     * snapshots it averages in its schedule and no evaluations (they describe other weights). With
     * {@code batchNorm} (may be null) the batch-norm statistics are recomputed on those photos instead of
     * averaged; the card says which.
     */
    public static ModelCard average(List<Path> snapshots, U2NetSize size, String version, Path outputDir,
            BatchNormData batchNorm) throws IOException, InterruptedException {
        if (snapshots.size() < 2) {
            throw new IllegalArgumentException("averaging needs at least two snapshots, got " + snapshots.size());
        }
        List<Model> models = new ArrayList<>();
        try {
            for (Path snapshot : snapshots) {
                models.add(load(snapshot, size));
            }
            PairList<String, Parameter> sum = models.get(0).getBlock().getParameters();
            for (int k = 0; k < sum.size(); k++) {
                NDArray total = sum.get(k).getValue().getArray().duplicate();
                for (Model other : models.subList(1, models.size())) {
                    Pair<String, Parameter> p = other.getBlock().getParameters().get(k);
                    total.addi(p.getValue().getArray());
                }
                sum.get(k).getValue().getArray().set(total.div(models.size()).toFloatArray());
            }
            String name = SegmenterModels.defaultName(size);
            List<ModelCard> cards = new ArrayList<>(); // null where a snapshot has no card
            for (Path snapshot : snapshots) {
                cards.add(ModelCard.besideWeights(snapshot));
            }
            ModelCard last = cards.get(cards.size() - 1);
            String statistics = "averaged with the weights";
            if (batchNorm != null) {
                int servingSize = last != null ? last.defaultInferenceSize() : 0;
                if (servingSize <= 0) {
                    throw new IOException("the last snapshot's card names no input size to recompute batch-norm"
                            + " statistics at: " + snapshots.get(snapshots.size() - 1));
                }
                TrainingData data = TrainingData.load(batchNorm.folders(), TrainingConfig.DEFAULT_CACHE_SIDE,
                        ValidationSplit.DEFAULT_PERCENT);
                Model mean = models.get(0);
                BatchNormStatistics.recompute(mean.getBlock(), mean.getNDManager(), data, servingSize,
                        BATCH_NORM_BATCH_SIZE, batchNorm.batches(), SEED);
                statistics = String.format(Locale.ROOT, "recomputed: the mean over %d batches of %d whole training photos at %d px",
                        batchNorm.batches(), BATCH_NORM_BATCH_SIZE, servingSize);
            }
            SegmenterModels.saveWeights(models.get(0), outputDir, name);
            ModelCard card = card(snapshots, cards, name, version,
                    SegmenterModels.parameterCount(models.get(0).getBlock()), statistics);
            card.write(outputDir);
            return card;
        } finally {
            models.forEach(Model::close);
        }
    }

    private static Model load(Path params, U2NetSize size) throws IOException {
        Model model = Model.newInstance(SegmenterModels.nameOf(params), "PyTorch");
        try {
            model.setBlock(new U2Net(size));
            // Initialised first so that saving can describe the block's input; loading replaces the values.
            model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 3, 64, 64));
            SegmenterModels.loadWeights(model, params);
            return model;
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** The averaged model's card from the snapshots' {@code cards} (null where a snapshot has none). */
    private static ModelCard card(List<Path> snapshots, List<ModelCard> cards, String name, String version,
            long parameters, String batchNormStatistics) {
        List<String> versions = new ArrayList<>();
        for (int i = 0; i < snapshots.size(); i++) {
            ModelCard card = cards.get(i);
            versions.add(card != null && card.version() != null ? card.version() : snapshots.get(i).toString());
        }
        ModelCard last = cards.get(cards.size() - 1);
        Map<String, Object> schedule = new LinkedHashMap<>(last != null && last.schedule() != null
                ? last.schedule() : Map.of());
        schedule.put("averagedSnapshots", versions);
        schedule.put("batchNormStatistics", batchNormStatistics);
        return last == null
                ? new ModelCard(name, version, null, parameters, 0, null, null, schedule, null, null,
                        ModelCard.RESEARCH_NOTICE)
                : new ModelCard(name, version, last.architecture(), parameters, last.inputSize(),
                        last.servingInputSize(), last.trainingData(), schedule, last.history(), null, last.notice());
    }
}

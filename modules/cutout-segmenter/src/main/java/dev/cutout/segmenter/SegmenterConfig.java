package dev.cutout.segmenter;

import static org.apache.kafka.common.config.ConfigDef.Importance.HIGH;
import static org.apache.kafka.common.config.ConfigDef.Importance.LOW;
import static org.apache.kafka.common.config.ConfigDef.Importance.MEDIUM;

import ai.djl.Device;
import dev.cutout.common.config.CommonConfig;
import dev.cutout.common.config.CutoutConfig;
import dev.cutout.vision.mask.RefineOptions;
import dev.cutout.vision.infer.SegmenterModel;
import dev.cutout.vision.model.U2NetSize;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;
import org.apache.kafka.common.config.ConfigException;

/** The segmenter's settings: consumer group, batching, back-pressure, device, model and mask refinement. */
public final class SegmenterConfig extends CutoutConfig {

    public static final String SERVICE = "cutout-segmenter";

    public static final String GROUP_ID = "segmenter.group.id";
    public static final String WORKER_THREADS = "segmenter.worker.threads";
    public static final String TORCH_THREADS = "segmenter.torch.threads";
    public static final String MAX_BATCH_SIZE = "max.batch.size";
    public static final String MAX_BATCH_DELAY_MS = "max.batch.delay.ms";
    public static final String MAX_IN_FLIGHT = "max.in.flight";
    public static final String SHUTDOWN_TIMEOUT_MS = "shutdown.timeout.ms";
    public static final String DEVICE = "device";
    public static final String MODEL_INPUT_SIZE = "model.input.size";
    public static final String MODEL_PATH = "model.path";
    public static final String MODEL_NAME = "model.name";
    public static final String MODEL_ARCHITECTURE = "model.architecture";
    public static final String MODEL_VERSION = "model.version";
    public static final String MODEL_HOT_SWAP = "model.hot.swap";
    public static final String REFINE_EDGES = "refine.edges";
    public static final String REFINE_RADIUS = "refine.radius";
    public static final String REFINE_EPSILON = "refine.epsilon";
    public static final String REFINE_SUBSAMPLE = "refine.subsample";
    public static final String REFINE_CONFIDENCE_BLEND = "refine.confidence.blend";
    public static final String REFINE_FILL_HOLES = "refine.fill.holes";
    public static final String REFINE_MIN_COMPONENT_SHARE = "refine.min.component.share";

    public static final String DEVICE_CPU = "cpu";
    public static final String DEVICE_GPU = "gpu";
    public static final String ARCHITECTURE_SMALL = "u2netp";
    public static final String ARCHITECTURE_FULL = "u2net";

    public static final ConfigDef DEFINITION = CommonConfig.definition()
            .define(GROUP_ID, Type.STRING, "cutout-segmenter", new ConfigDef.NonEmptyString(), HIGH,
                    "Kafka consumer group of the segmenter instances; instances of one group share the partitions.")
            .define(WORKER_THREADS, Type.INT, 1, Range.atLeast(1), HIGH,
                    "Inference threads, each with its own predictor and a writer thread that stores one batch's"
                            + " masks while the next is inferred. On CPU one thread already uses every core through"
                            + " libtorch; more threads help on GPU hosts and where segmenter.torch.threads is 1.")
            .define(TORCH_THREADS, Type.INT, 0, Range.atLeast(0), MEDIUM,
                    "Threads libtorch uses inside one inference call, for the whole process; 0 keeps its default"
                            + " of one per core. On a host whose cores are busy with other work, 1 avoids idle"
                            + " libtorch threads spinning for the cores the inference needs.")
            .define(MAX_BATCH_SIZE, Type.INT, 4, Range.between(1, 256), HIGH,
                    "Most photos inferred as one batch.")
            .define(MAX_BATCH_DELAY_MS, Type.LONG, 50L, Range.atLeast(0), HIGH,
                    "Longest a photo waits for its batch to fill before the batch runs anyway.")
            .define(MAX_IN_FLIGHT, Type.INT, 32, Range.atLeast(1), HIGH,
                    "Records buffered or being processed before the consumer pauses its partitions; it resumes"
                            + " once half of them are done.")
            .define(SHUTDOWN_TIMEOUT_MS, Type.LONG, 30_000L, Range.atLeast(0), LOW,
                    "How long close() waits for batches in flight before giving up on them (they are re-read"
                            + " after a restart, never lost).")
            .define(DEVICE, Type.STRING, DEVICE_CPU, ValidString.in(DEVICE_CPU, DEVICE_GPU), HIGH,
                    "Where the model runs: cpu, or gpu (needs the -Pgpu build with CUDA libtorch).")
            .define(MODEL_INPUT_SIZE, Type.INT, 0, Range.atLeast(0), HIGH,
                    "Square network input in pixels, a multiple of 32; 0 takes the model card's serving size, else "
                            + "the size the model was trained at, as cutout remove does.")
            .define(MODEL_PATH, Type.STRING, "", MEDIUM,
                    "A NAME-0000.params file to start with; empty starts with the default model shipped in the jar.")
            .define(MODEL_NAME, Type.STRING, ARCHITECTURE_SMALL, new ConfigDef.NonEmptyString(), MEDIUM,
                    "Name of the segmenter model family; only releases of this name on models.released are taken.")
            .define(MODEL_ARCHITECTURE, Type.STRING, ARCHITECTURE_SMALL,
                    ValidString.in(ARCHITECTURE_SMALL, ARCHITECTURE_FULL), MEDIUM,
                    "Architecture of the weights at model.path: u2netp (small) or u2net (full).")
            .define(MODEL_VERSION, Type.INT, 0, Range.atLeast(0), MEDIUM,
                    "Release number of the weights started with; a release with a higher number replaces them.")
            .define(MODEL_HOT_SWAP, Type.BOOLEAN, true, MEDIUM,
                    "Whether to follow models.released and swap to newer segmenter releases without a restart.")
            .define(REFINE_EDGES, Type.STRING, SegmenterModel.EDGES_DEFAULT, new ConfigDef.NonEmptyString(), MEDIUM,
                    "Edge refiner that sharpens every model's masks at 640 px before the final upsampling: default"
                            + " (the one shipped with Cutout, where it ships one), none, or a NAME-0000.params file.")
            .define(REFINE_RADIUS, Type.INT, RefineOptions.AUTO_RADIUS, Range.atLeast(RefineOptions.AUTO_RADIUS), LOW,
                    "Guided-filter radius in full-resolution pixels; -1 picks it from the upsampling factor.")
            .define(REFINE_EPSILON, Type.DOUBLE, RefineOptions.DEFAULT_EPSILON, Range.atLeast(0), LOW,
                    "Guided-filter regularisation: larger smooths more, smaller follows image edges more.")
            .define(REFINE_SUBSAMPLE, Type.INT, RefineOptions.DEFAULT_SUBSAMPLE, Range.atLeast(1), LOW,
                    "Subsampling of the fast guided filter.")
            .define(REFINE_CONFIDENCE_BLEND, Type.BOOLEAN, true, LOW,
                    "Refine only where the network is unsure, keep its confident pixels.")
            .define(REFINE_FILL_HOLES, Type.BOOLEAN, false, LOW,
                    "Fill enclosed holes in the mask.")
            .define(REFINE_MIN_COMPONENT_SHARE, Type.DOUBLE, 0.0, Range.between(0.0, 1.0), LOW,
                    "Drop foreground fragments smaller than this share of the largest one (0 keeps all).");

    public SegmenterConfig(Map<String, ?> values) {
        super(SERVICE, DEFINITION, values);
        int size = modelInputSize();
        if (size % 32 != 0) {
            throw new ConfigException(MODEL_INPUT_SIZE, size, "must be 0 or a multiple of 32");
        }
    }

    public String groupId() {
        return getString(GROUP_ID);
    }

    public int workerThreads() {
        return getInt(WORKER_THREADS);
    }

    /** libtorch intra-op threads; 0 for libtorch's default. */
    public int torchThreads() {
        return getInt(TORCH_THREADS);
    }

    public int maxBatchSize() {
        return getInt(MAX_BATCH_SIZE);
    }

    public Duration maxBatchDelay() {
        return Duration.ofMillis(getLong(MAX_BATCH_DELAY_MS));
    }

    public int maxInFlight() {
        return getInt(MAX_IN_FLIGHT);
    }

    public Duration shutdownTimeout() {
        return Duration.ofMillis(getLong(SHUTDOWN_TIMEOUT_MS));
    }

    public Device device() {
        return DEVICE_GPU.equals(getString(DEVICE)) ? Device.gpu() : Device.cpu();
    }

    public int modelInputSize() {
        return getInt(MODEL_INPUT_SIZE);
    }

    /** The weights to start with; empty means the shipped default model. */
    public Optional<Path> modelPath() {
        String path = getString(MODEL_PATH);
        return path == null || path.isBlank() ? Optional.empty() : Optional.of(Path.of(path));
    }

    public String modelName() {
        return getString(MODEL_NAME);
    }

    public U2NetSize modelArchitecture() {
        return architecture(getString(MODEL_ARCHITECTURE));
    }

    public int modelVersion() {
        return getInt(MODEL_VERSION);
    }

    public boolean hotSwap() {
        return getBoolean(MODEL_HOT_SWAP);
    }

    /** The edge refiner setting, as {@link SegmenterModel#withEdges} takes it. */
    public String edgeRefiner() {
        return getString(REFINE_EDGES);
    }

    public RefineOptions refineOptions() {
        RefineOptions options = RefineOptions.defaults()
                .withRadius(getInt(REFINE_RADIUS))
                .withEpsilon(getDouble(REFINE_EPSILON))
                .withSubsample(getInt(REFINE_SUBSAMPLE))
                .withConfidenceBlend(getBoolean(REFINE_CONFIDENCE_BLEND))
                .keepComponentsAbove(getDouble(REFINE_MIN_COMPONENT_SHARE));
        return getBoolean(REFINE_FILL_HOLES) ? options.fillingHoles() : options;
    }

    /** u2netp -> SMALL, u2net -> FULL; anything else is refused. */
    public static U2NetSize architecture(String name) {
        return switch (name) {
            case ARCHITECTURE_SMALL -> U2NetSize.SMALL;
            case ARCHITECTURE_FULL -> U2NetSize.FULL;
            default -> throw new IllegalArgumentException("unknown segmenter architecture: " + name);
        };
    }
}

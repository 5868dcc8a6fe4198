package dev.cutout.common.topic;

import dev.cutout.events.CutoutApproved;
import dev.cutout.events.CutoutPublished;
import dev.cutout.events.DatasetSample;
import dev.cutout.events.MaskInferred;
import dev.cutout.events.MaskScored;
import dev.cutout.events.ModelReleased;
import dev.cutout.events.PhotoIngested;
import dev.cutout.events.ReviewDecision;
import dev.cutout.events.ReviewRequested;
import dev.cutout.events.TrainingRun;
import java.util.List;
import java.util.Optional;

/** The catalogue of the flow's topics; see {@code schemas/README.md} for who produces and consumes each. */
public final class Topics {

    public static final Topic<PhotoIngested> PHOTOS_INGESTED = new Topic<>("photos.ingested", PhotoIngested.class);
    public static final Topic<MaskInferred> MASKS_INFERRED = new Topic<>("masks.inferred", MaskInferred.class);
    public static final Topic<MaskScored> MASKS_SCORED = new Topic<>("masks.scored", MaskScored.class);
    public static final Topic<CutoutApproved> CUTOUTS_APPROVED = new Topic<>("cutouts.approved", CutoutApproved.class);
    public static final Topic<ReviewRequested> REVIEW_REQUESTS = new Topic<>("review.requests", ReviewRequested.class);
    public static final Topic<ReviewDecision> REVIEW_DECISIONS = new Topic<>("review.decisions", ReviewDecision.class);
    public static final Topic<DatasetSample> DATASET_SAMPLES = new Topic<>("dataset.samples", DatasetSample.class);
    public static final Topic<CutoutPublished> CUTOUTS_PUBLISHED =
            new Topic<>("cutouts.published", CutoutPublished.class);
    public static final Topic<ModelReleased> MODELS_RELEASED = new Topic<>("models.released", ModelReleased.class);
    public static final Topic<TrainingRun> TRAINING_RUNS = new Topic<>("training.runs", TrainingRun.class);

    /** Every event topic, in flow order. */
    public static final List<Topic<?>> EVENT_TOPICS = List.of(
            PHOTOS_INGESTED, MASKS_INFERRED, MASKS_SCORED, CUTOUTS_APPROVED, REVIEW_REQUESTS,
            REVIEW_DECISIONS, DATASET_SAMPLES, CUTOUTS_PUBLISHED, MODELS_RELEASED, TRAINING_RUNS);

    /**
     * Topics a Cutout service consumes and so may fail to process: each has a dead-letter topic.
     * cutouts.published and training.runs leave the system (shop, dashboards) and have none.
     */
    public static final List<Topic<?>> CONSUMED_TOPICS = List.of(
            PHOTOS_INGESTED, MASKS_INFERRED, MASKS_SCORED, CUTOUTS_APPROVED, REVIEW_REQUESTS,
            REVIEW_DECISIONS, DATASET_SAMPLES, MODELS_RELEASED);

    private Topics() {
    }

    /** The event topic called {@code name}, if the flow has one. */
    public static Optional<Topic<?>> byName(String name) {
        return EVENT_TOPICS.stream().filter(topic -> topic.name().equals(name)).findFirst();
    }

    /** Name of the dead-letter topic of the topic called {@code topic}. */
    public static String dlqOf(String topic) {
        return topic + Topic.DLQ_SUFFIX;
    }
}

package dev.cutout.router;

import dev.cutout.common.topic.Topics;
import dev.cutout.events.ApprovalSource;
import dev.cutout.events.CutoutApproved;
import dev.cutout.events.DatasetSample;
import dev.cutout.events.LabelSource;
import dev.cutout.events.MaskScored;
import dev.cutout.events.ReviewDecision;
import dev.cutout.events.ReviewOutcome;
import dev.cutout.events.ReviewRequested;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The router's topology, a pure function of its thresholds and serdes.
 *
 * <pre>
 * masks.scored ─┬─ score &gt;= publish threshold of the cluster ──&gt; cutouts.approved (AUTOMATIC)
 *               ├─ below it ──────────────────────────────────&gt; review.requests
 *               └─ score &gt;= dataset threshold ─────────────────&gt; dataset.samples (MODEL)
 * review.decisions ─┬─ ACCEPTED ──&gt; cutouts.approved (REVIEW_ACCEPTED, the model's mask)
 *                   ├─ CORRECTED ─&gt; cutouts.approved (REVIEW_CORRECTED, the corrected mask)
 *                   │               + dataset.samples (HUMAN)
 *                   └─ REJECTED ──&gt; state store {@value #RESHOOT_STORE}, keyed by photo id
 * </pre>
 *
 * <p>The re-shoot list is a key-value store (backed by its changelog topic) rather than a topic of
 * its own: it holds the photos whose latest decision is REJECTED, and a later ACCEPTED or CORRECTED
 * decision for the same photo removes it. It is read through {@link RouterService#reshootList()}.
 *
 * <p>Timestamps of the outputs come from the inputs (scoredAt, decidedAt), so a replay emits equal events.
 */
public final class RouterTopology {

    /** Name of the re-shoot list's state store: photo id to the REJECTED decision. */
    public static final String RESHOOT_STORE = "reshoot-list";

    private RouterTopology() {
    }

    public static Topology build(Thresholds thresholds, RouterSerdes serdes) {
        StreamsBuilder builder = new StreamsBuilder();
        routeScores(builder, thresholds, serdes);
        routeDecisions(builder, serdes);
        return builder.build();
    }

    public static Topology build(RouterConfig config, RouterSerdes serdes) {
        return build(config.thresholds(), serdes);
    }

    private static void routeScores(StreamsBuilder builder, Thresholds thresholds, RouterSerdes serdes) {
        KStream<String, MaskScored> scored = builder
                .stream(Topics.MASKS_SCORED.name(), Consumed.with(Serdes.String(), serdes.scored()))
                .mapValues(RouterTopology::checked, Named.as("check-score"));

        scored.filter((photoId, mask) -> mask.getScore() >= thresholds.publishFor(mask),
                        Named.as("publishable"))
                .mapValues(RouterTopology::approveAutomatically, Named.as("approve-automatically"))
                .to(Topics.CUTOUTS_APPROVED.name(), Produced.with(Serdes.String(), serdes.approved()));

        scored.filter((photoId, mask) -> mask.getScore() < thresholds.publishFor(mask),
                        Named.as("doubtful"))
                .mapValues((photoId, mask) -> requestReview(mask, thresholds.publishFor(mask)),
                        Named.as("request-review"))
                .to(Topics.REVIEW_REQUESTS.name(), Produced.with(Serdes.String(), serdes.reviews()));

        scored.filter((photoId, mask) -> mask.getScore() >= thresholds.dataset(), Named.as("confident"))
                .mapValues(RouterTopology::modelSample, Named.as("model-sample"))
                .to(Topics.DATASET_SAMPLES.name(), Produced.with(Serdes.String(), serdes.samples()));
    }

    private static void routeDecisions(StreamsBuilder builder, RouterSerdes serdes) {
        KStream<String, ReviewDecision> decisions = builder
                .stream(Topics.REVIEW_DECISIONS.name(), Consumed.with(Serdes.String(), serdes.decisions()))
                .mapValues(RouterTopology::checked, Named.as("check-decision"));

        decisions.filter((photoId, decision) -> decision.getOutcome() != ReviewOutcome.REJECTED,
                        Named.as("approved-by-review"))
                .mapValues(RouterTopology::approveByReview, Named.as("approve-by-review"))
                .to(Topics.CUTOUTS_APPROVED.name(), Produced.with(Serdes.String(), serdes.approved()));

        decisions.filter((photoId, decision) -> decision.getOutcome() == ReviewOutcome.CORRECTED,
                        Named.as("corrected"))
                .mapValues(RouterTopology::humanSample, Named.as("human-sample"))
                .to(Topics.DATASET_SAMPLES.name(), Produced.with(Serdes.String(), serdes.samples()));

        // A null value deletes the photo from the list: only the latest decision counts.
        decisions.mapValues(decision -> decision.getOutcome() == ReviewOutcome.REJECTED ? decision : null,
                        Named.as("reshoot-or-clear"))
                .toTable(Named.as("reshoot-table"),
                        Materialized.<String, ReviewDecision, org.apache.kafka.streams.state.KeyValueStore<
                                org.apache.kafka.common.utils.Bytes, byte[]>>as(RESHOOT_STORE)
                                .withKeySerde(Serdes.String()).withValueSerde(serdes.decisions()));
    }

    private static MaskScored checked(MaskScored mask) {
        if (!(mask.getScore() >= 0 && mask.getScore() <= 1)) {
            throw new InvalidEventException("score of photo " + mask.getPhotoId() + " is " + mask.getScore()
                    + ", outside [0,1]");
        }
        return mask;
    }

    private static ReviewDecision checked(ReviewDecision decision) {
        if (decision.getOutcome() == ReviewOutcome.CORRECTED && decision.getCorrectedMask() == null) {
            throw new InvalidEventException("review " + decision.getReviewId() + " of photo "
                    + decision.getPhotoId() + " is CORRECTED but has no corrected mask");
        }
        return decision;
    }

    static CutoutApproved approveAutomatically(MaskScored mask) {
        return CutoutApproved.newBuilder()
                .setPhotoId(mask.getPhotoId())
                .setPhoto(mask.getPhoto())
                .setMask(mask.getMask())
                .setModel(mask.getModel())
                .setMetadata(mask.getMetadata())
                .setApproval(ApprovalSource.AUTOMATIC)
                .setScore(mask.getScore())
                .setReviewId(null)
                .setApprovedAt(mask.getScoredAt())
                .build();
    }

    static ReviewRequested requestReview(MaskScored mask, double publishThreshold) {
        return ReviewRequested.newBuilder()
                .setReviewId(reviewId(mask))
                .setPhotoId(mask.getPhotoId())
                .setPhoto(mask.getPhoto())
                .setMask(mask.getMask())
                .setModel(mask.getModel())
                .setMetadata(mask.getMetadata())
                .setScore(mask.getScore())
                .setReasons(mask.getReasons())
                .setCluster(mask.getCluster())
                .setPublishThreshold(publishThreshold)
                .setRequestedAt(mask.getScoredAt())
                .build();
    }

    static DatasetSample modelSample(MaskScored mask) {
        return DatasetSample.newBuilder()
                .setSampleId(mask.getPhotoId() + ":" + mask.getMask().getKey())
                .setPhotoId(mask.getPhotoId())
                .setImage(mask.getPhoto())
                .setMask(mask.getMask())
                .setLabelSource(LabelSource.MODEL)
                .setModel(mask.getModel())
                .setScore(mask.getScore())
                .setCluster(mask.getCluster())
                .setReviewer(null)
                .setCreatedAt(mask.getScoredAt())
                .build();
    }

    static CutoutApproved approveByReview(ReviewDecision decision) {
        boolean corrected = decision.getOutcome() == ReviewOutcome.CORRECTED;
        return CutoutApproved.newBuilder()
                .setPhotoId(decision.getPhotoId())
                .setPhoto(decision.getPhoto())
                .setMask(corrected ? decision.getCorrectedMask() : decision.getMask())
                .setModel(decision.getModel())
                .setMetadata(decision.getMetadata())
                .setApproval(corrected ? ApprovalSource.REVIEW_CORRECTED : ApprovalSource.REVIEW_ACCEPTED)
                .setScore(null)
                .setReviewId(decision.getReviewId())
                .setApprovedAt(decision.getDecidedAt())
                .build();
    }

    static DatasetSample humanSample(ReviewDecision decision) {
        return DatasetSample.newBuilder()
                .setSampleId(decision.getPhotoId() + ":" + decision.getCorrectedMask().getKey())
                .setPhotoId(decision.getPhotoId())
                .setImage(decision.getPhoto())
                .setMask(decision.getCorrectedMask())
                .setLabelSource(LabelSource.HUMAN)
                .setModel(decision.getModel())
                .setScore(null)
                .setCluster(null)
                .setReviewer(decision.getReviewer())
                .setCreatedAt(decision.getDecidedAt())
                .build();
    }

    /** Derived from photo id and model version, so a replayed score asks for the same review once. */
    static String reviewId(MaskScored mask) {
        return mask.getPhotoId() + ":" + mask.getModel().getName() + "-" + mask.getModel().getVersion();
    }
}

package dev.cutout.verifier;

import dev.cutout.common.image.ImageCodec;
import dev.cutout.common.image.ImageRejectedException;
import dev.cutout.common.image.ImageRejectionReason;
import dev.cutout.common.store.ObjectNotFoundException;
import dev.cutout.common.store.ObjectStore;
import dev.cutout.common.store.ObjectStoreException;
import dev.cutout.events.DeadLetterReason;
import dev.cutout.events.MaskInferred;
import dev.cutout.events.MaskScored;
import dev.cutout.events.ModelRef;
import dev.cutout.events.ObjectRef;
import dev.cutout.events.ProductCluster;
import dev.cutout.vision.mask.AlphaMask;
import dev.cutout.vision.quality.ClusterAssignment;
import dev.cutout.vision.quality.MaskQualityScorer;
import dev.cutout.vision.quality.QualityAssessment;
import dev.cutout.vision.quality.QualityReason;
import java.awt.image.BufferedImage;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;

/**
 * Scores one inferred mask: loads photo and mask from the object store (checked against their
 * references), decodes them within the codec's safety limits and asks the scorer.
 *
 * <p>Inputs that no retry can fix raise {@link UnprocessableMaskException} with a dead-letter reason;
 * transient store failures propagate as they are, so that the record is retried.
 */
public final class MaskScoring {

    /**
     * The cluster of a verdict without one (the evidence rules): the schema requires one, and id -1
     * names none of a model's clusters.
     */
    public static final ProductCluster UNCLUSTERED = ProductCluster.newBuilder().setId(-1).setLabel(null).build();

    private final ObjectStore store;
    private final ImageCodec codec;
    private final MaskQualityScorer scorer;
    private final Clock clock;

    public MaskScoring(ObjectStore store, ImageCodec codec, MaskQualityScorer scorer, Clock clock) {
        this.store = store;
        this.codec = codec;
        this.scorer = scorer;
        this.clock = clock;
    }

    /** The score of the mask the event names, as the masks.scored event. */
    public MaskScored score(MaskInferred inferred) {
        BufferedImage photo = decode(load(inferred.getPhoto()), inferred.getPhoto(), bytes -> codec.decode(bytes).image());
        BufferedImage maskImage = decode(load(inferred.getMask()), inferred.getMask(), codec::decodeMask);
        if (maskImage.getWidth() != photo.getWidth() || maskImage.getHeight() != photo.getHeight()) {
            throw new UnprocessableMaskException(DeadLetterReason.INVALID_EVENT, "mask " + path(inferred.getMask())
                    + " is " + maskImage.getWidth() + "x" + maskImage.getHeight() + " but the photo is "
                    + photo.getWidth() + "x" + photo.getHeight(), null);
        }
        QualityAssessment assessment = scorer.assess(photo, AlphaMask.fromImage(maskImage));
        return MaskScored.newBuilder()
                .setPhotoId(inferred.getPhotoId())
                .setPhoto(inferred.getPhoto())
                .setMask(inferred.getMask())
                .setModel(inferred.getModel())
                .setVerifierModel(ModelRef.newBuilder().setName(scorer.name()).setVersion(scorer.version()).build())
                .setMetadata(inferred.getMetadata())
                .setScore(assessment.score())
                .setReasons(toEventReasons(assessment.reasons()))
                .setCluster(cluster(assessment.cluster()))
                .setPublishThreshold(assessment.cluster() == null ? null : assessment.cluster().publishThreshold())
                .setInferredAt(inferred.getInferredAt())
                .setScoredAt(clock.instant())
                .build();
    }

    private static ProductCluster cluster(ClusterAssignment assignment) {
        return assignment == null ? UNCLUSTERED
                : ProductCluster.newBuilder().setId(assignment.id()).setLabel(assignment.label()).build();
    }

    /** The scorer's reasons as the event's enum, by name; names the schema lacks read as OTHER. */
    static List<dev.cutout.events.QualityReason> toEventReasons(List<QualityReason> reasons) {
        return reasons.stream().map(reason -> {
            try {
                return dev.cutout.events.QualityReason.valueOf(reason.name());
            } catch (IllegalArgumentException unknown) {
                return dev.cutout.events.QualityReason.OTHER;
            }
        }).distinct().toList();
    }

    private byte[] load(ObjectRef ref) {
        try {
            String sha256 = ref.getSha256().isEmpty() ? null : ref.getSha256();
            return store.get(new dev.cutout.common.store.ObjectRef(ref.getBucket(), ref.getKey(), sha256,
                    ref.getSizeBytes(), ref.getContentType()));
        } catch (ObjectNotFoundException e) {
            throw new UnprocessableMaskException(DeadLetterReason.OBJECT_NOT_FOUND, path(ref) + " does not exist", e);
        } catch (ObjectStoreException e) {
            if ("ChecksumMismatch".equals(e.errorCode())) {
                throw new UnprocessableMaskException(DeadLetterReason.CHECKSUM_MISMATCH,
                        path(ref) + " differs from the object the event names: " + e.getMessage(), e);
            }
            throw e;
        }
    }

    private BufferedImage decode(byte[] bytes, ObjectRef ref, Function<byte[], BufferedImage> decoder) {
        try {
            return decoder.apply(bytes);
        } catch (ImageRejectedException e) {
            DeadLetterReason reason = isUnreadable(e.reason())
                    ? DeadLetterReason.IMAGE_DECODE_FAILED : DeadLetterReason.IMAGE_REJECTED;
            throw new UnprocessableMaskException(reason, path(ref) + ": " + e.getMessage(), e);
        }
    }

    private static boolean isUnreadable(ImageRejectionReason reason) {
        return reason == ImageRejectionReason.NOT_AN_IMAGE || reason == ImageRejectionReason.TRUNCATED
                || reason == ImageRejectionReason.EMPTY;
    }

    private static String path(ObjectRef ref) {
        return ref.getBucket() + "/" + ref.getKey();
    }
}

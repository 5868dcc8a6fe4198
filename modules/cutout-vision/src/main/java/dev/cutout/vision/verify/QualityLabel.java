package dev.cutout.vision.verify;

import dev.cutout.vision.metrics.Confusion;
import dev.cutout.vision.quality.QualityReason;

/**
 * What is wrong with a mask, as the quality network's second head learns it: the classes a reviewer
 * can act on. {@link #GOOD} is a mask at or above the studio's bar ({@link #GOOD_IOU}).
 */
public enum QualityLabel {
    GOOD(null),
    MISSING_PART(QualityReason.MISSING_PART),
    EXTRA_REGION(QualityReason.EXTRA_REGION),
    HOLES(QualityReason.HOLES),
    ROUGH_EDGE(QualityReason.ROUGH_EDGE),
    WRONG_OBJECT(QualityReason.WRONG_OBJECT);

    /** The IoU with the true mask from which a cutout is good enough to publish. */
    public static final double GOOD_IOU = 0.95;

    private final QualityReason reason;

    QualityLabel(QualityReason reason) {
        this.reason = reason;
    }

    /** The reason code a reviewer sees for this class; null for {@link #GOOD}. */
    public QualityReason reason() {
        return reason;
    }

    /**
     * The class of a mask from its confusion with the true mask: good above the bar; otherwise the
     * damage that made it, when that damage has a class of its own; otherwise whichever error is larger,
     * foreground lost or background kept.
     *
     * @param damage how the mask was made, or null for a segmenter's own prediction
     */
    public static QualityLabel of(Confusion confusion, MaskDamage damage) {
        if (confusion.iou() >= GOOD_IOU) {
            return GOOD;
        }
        if (damage != null) {
            switch (damage) {
                case HOLES:
                    return HOLES;
                case ROUGH_EDGE:
                case SOFT_EDGE:
                    return ROUGH_EDGE;
                case WRONG_OBJECT:
                    return WRONG_OBJECT;
                default:
                    break;
            }
        }
        return confusion.falseNegative() > confusion.falsePositive() ? MISSING_PART : EXTRA_REGION;
    }
}

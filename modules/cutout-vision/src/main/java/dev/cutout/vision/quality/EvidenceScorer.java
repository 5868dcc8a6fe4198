package dev.cutout.vision.quality;

import dev.cutout.vision.mask.AlphaMask;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The first verifier: transparent rules over {@link MaskEvidence}. The score starts at 1 and each
 * kind of doubt subtracts a penalty (weights below); every penalty comes with its reason code, and
 * the reasons are listed with the largest penalty first.
 *
 * <table>
 * <caption>Rules</caption>
 * <tr><th>evidence</th><th>when</th><th>penalty</th><th>reason</th></tr>
 * <tr><td>area share</td><td>&lt; 0.2%</td><td>score 0</td><td>EMPTY_MASK</td></tr>
 * <tr><td>area share</td><td>&gt; 97%</td><td>score 0.05</td><td>FULL_FRAME_MASK</td></tr>
 * <tr><td>soft band width</td><td>&gt; max(3 px, 0.4% of the short side)</td>
 *     <td>0.10 + 0.05 per band width above the allowance, at most 0.35</td><td>WIDE_CONFIDENCE_BAND</td></tr>
 * <tr><td>pieces</td><td>&gt; 1</td><td>0.15 + fragment share, at most 0.45</td><td>FRAGMENTED_MASK</td></tr>
 * <tr><td>holes</td><td>&gt; 0</td><td>0.15 + hole share, at most 0.45</td><td>HOLES</td></tr>
 * <tr><td>frame contact</td><td>&gt; 1% of the frame</td><td>0.10 + contact / 2, at most 0.40</td>
 *     <td>TOUCHES_BORDER</td></tr>
 * <tr><td>edge agreement</td><td>&lt; 0.6</td><td>0.15</td><td>LOW_CONTRAST</td></tr>
 * </table>
 *
 * <p>Products with real
 * holes (handles) or several parts (a pair of shoes) are penalised too: the rules cannot tell them
 * apart, which is why doubtful masks go to review instead of being dropped.
 */
public final class EvidenceScorer implements MaskQualityScorer {

    public static final String NAME = "evidence-rules";
    public static final int VERSION = 1;

    static final double EMPTY_AREA_SHARE = 0.002;
    static final double FULL_AREA_SHARE = 0.97;
    static final double FULL_FRAME_SCORE = 0.05;
    static final double BAND_MIN_ALLOWANCE_PX = 3;
    static final double BAND_ALLOWANCE_OF_SHORT_SIDE = 0.004;
    static final double BAND_BASE_PENALTY = 0.10;
    static final double BAND_PENALTY_PER_EXCESS = 0.05;
    static final double BAND_MAX_PENALTY = 0.35;
    static final double FRAGMENT_BASE_PENALTY = 0.15;
    static final double FRAGMENT_MAX_PENALTY = 0.45;
    static final double HOLE_BASE_PENALTY = 0.15;
    static final double HOLE_MAX_PENALTY = 0.45;
    static final double BORDER_CONTACT_LIMIT = 0.01;
    static final double BORDER_BASE_PENALTY = 0.10;
    static final double BORDER_MAX_PENALTY = 0.40;
    static final double EDGE_AGREEMENT_LIMIT = 0.6;
    static final double LOW_CONTRAST_PENALTY = 0.15;

    private final MaskEvidenceExtractor extractor = new MaskEvidenceExtractor();

    @Override
    public QualityAssessment assess(BufferedImage photo, AlphaMask mask) {
        return judge(extractor.measure(photo, mask));
    }

    /** The verdict on evidence already measured. */
    public QualityAssessment judge(MaskEvidence evidence) {
        if (evidence.areaShare() < EMPTY_AREA_SHARE) {
            return new QualityAssessment(0, List.of(QualityReason.EMPTY_MASK), evidence);
        }
        if (evidence.areaShare() > FULL_AREA_SHARE) {
            return new QualityAssessment(FULL_FRAME_SCORE, List.of(QualityReason.FULL_FRAME_MASK), evidence);
        }
        List<Penalty> penalties = new ArrayList<>();
        double allowance = Math.max(BAND_MIN_ALLOWANCE_PX, BAND_ALLOWANCE_OF_SHORT_SIDE * evidence.shortSide());
        if (evidence.uncertainBandWidth() > allowance) {
            double excess = evidence.uncertainBandWidth() / allowance - 1;
            penalties.add(new Penalty(QualityReason.WIDE_CONFIDENCE_BAND,
                    Math.min(BAND_MAX_PENALTY, BAND_BASE_PENALTY + BAND_PENALTY_PER_EXCESS * excess)));
        }
        if (evidence.components() > 1) {
            penalties.add(new Penalty(QualityReason.FRAGMENTED_MASK,
                    Math.min(FRAGMENT_MAX_PENALTY, FRAGMENT_BASE_PENALTY + evidence.fragmentShare())));
        }
        if (evidence.holes() > 0) {
            penalties.add(new Penalty(QualityReason.HOLES,
                    Math.min(HOLE_MAX_PENALTY, HOLE_BASE_PENALTY + evidence.holeShare())));
        }
        if (evidence.borderContact() > BORDER_CONTACT_LIMIT) {
            penalties.add(new Penalty(QualityReason.TOUCHES_BORDER,
                    Math.min(BORDER_MAX_PENALTY, BORDER_BASE_PENALTY + evidence.borderContact() / 2)));
        }
        if (evidence.edgeAgreement() < EDGE_AGREEMENT_LIMIT) {
            penalties.add(new Penalty(QualityReason.LOW_CONTRAST, LOW_CONTRAST_PENALTY));
        }
        penalties.sort(Comparator.comparingDouble(Penalty::amount).reversed());
        double score = Math.max(0, 1 - penalties.stream().mapToDouble(Penalty::amount).sum());
        return new QualityAssessment(score, penalties.stream().map(Penalty::reason).toList(), evidence);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int version() {
        return VERSION;
    }

    private record Penalty(QualityReason reason, double amount) {
    }
}

package dev.cutout.vision.verify;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.types.Shape;
import dev.cutout.vision.mask.AlphaMask;
import dev.cutout.vision.model.SegmenterModels;
import dev.cutout.vision.model.ShippedModelFiles;
import dev.cutout.vision.quality.ClusterAssignment;
import dev.cutout.vision.quality.EvidenceScorer;
import dev.cutout.vision.quality.MaskQualityScorer;
import dev.cutout.vision.quality.QualityAssessment;
import dev.cutout.vision.quality.QualityReason;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The learned verifier: predicts a mask's IoU with the unknown true mask from the photo, the soft mask
 * and the cheap evidence, assigns the photo's product cluster and gives reason codes for doubtful masks.
 *
 * <p>Reasons come from both sides: the network's likeliest problem class (missing part, extra region,
 * holes, rough edge, wrong object) and the evidence rules (touches the border, fragments, low contrast,
 * ...), so a reviewer sees why. Masks at or above their cluster's threshold carry no reasons. Two cases
 * need no model and override it: an empty mask scores 0 and a full-frame one at most the rules' score.
 *
 * <p>Thread-safe: inference runs on shared read-only weights.
 */
public final class VerifierModel implements MaskQualityScorer, AutoCloseable {

    /** Where the released default verifier lives on the classpath. */
    public static final String DEFAULT_RESOURCE_DIR = "/dev/cutout/vision/default-verifier/";
    public static final String DEFAULT_NAME = "verifier";
    /** A problem class at least this likely is named as a reason. */
    static final double REASON_PROBABILITY = 0.3;

    private final Model model;
    private final VerifierCard card;
    private final FeatureScaler scaler;
    private final ProductClusters clusters;
    private final EvidenceScorer rules = new EvidenceScorer();

    private VerifierModel(Model model, VerifierCard card) {
        this.model = model;
        this.card = card;
        this.scaler = card.scaler();
        this.clusters = ProductClusters.of(card.clusters());
    }

    /** Loads {@code NAME-0000.params} and the card {@code NAME.card.json} that must lie beside it. */
    public static VerifierModel load(Path paramsFile) throws IOException {
        String name = SegmenterModels.nameOf(paramsFile);
        Path cardFile = VerifierCard.fileFor(paramsFile.toAbsolutePath().getParent(), name);
        if (!Files.isRegularFile(cardFile)) {
            throw new IOException("no verifier card beside " + paramsFile + " (expected " + cardFile + ")");
        }
        VerifierCard card = VerifierCard.read(cardFile);
        if (!QualityNet.ARCHITECTURE.equals(card.architecture()) || card.inputSide() != QualityInputs.INPUT_SIDE
                || card.workingSide() != QualityView.WORKING_SIDE
                || !QualityInputs.FEATURE_NAMES.equals(card.featureNames())) {
            throw new IOException("verifier " + name + " (" + card.architecture() + ", side " + card.inputSide()
                    + ", working side " + card.workingSide() + ", features " + card.featureNames()
                    + ") does not fit this version's " + QualityNet.ARCHITECTURE);
        }
        Model model = Model.newInstance(name, Device.cpu(), "PyTorch");
        try {
            QualityNet net = new QualityNet();
            model.setBlock(net);
            net.initialize(model.getNDManager(), ai.djl.ndarray.types.DataType.FLOAT32,
                    new Shape(1, QualityInputs.CHANNELS, QualityInputs.INPUT_SIDE, QualityInputs.INPUT_SIDE),
                    new Shape(1, QualityInputs.FEATURE_NAMES.size()));
            model.load(paramsFile.toAbsolutePath().getParent(), name);
        } catch (MalformedModelException | RuntimeException e) {
            model.close();
            throw new IOException("not verifier weights: " + paramsFile + " (" + e.getMessage() + ")", e);
        }
        return new VerifierModel(model, card);
    }

    /** The verifier shipped inside this module. */
    public static VerifierModel loadDefault() throws IOException {
        return ShippedModelFiles.load(DEFAULT_RESOURCE_DIR, DEFAULT_NAME, "the default verifier", VerifierModel::load);
    }

    @Override
    public QualityAssessment assess(BufferedImage photo, AlphaMask mask) {
        QualityInputs inputs = QualityInputs.of(QualityView.of(photo, mask));
        QualityPredictions.Prediction prediction = predict(List.of(inputs)).get(0);
        return verdict(inputs, prediction);
    }

    /** The verdicts on several masks at once (one batched network call). */
    public List<QualityAssessment> assessAll(List<QualityInputs> inputs) {
        List<QualityPredictions.Prediction> predictions = predict(inputs);
        List<QualityAssessment> verdicts = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            verdicts.add(verdict(inputs.get(i), predictions.get(i)));
        }
        return verdicts;
    }

    private List<QualityPredictions.Prediction> predict(List<QualityInputs> inputs) {
        List<float[]> images = inputs.stream().map(QualityInputs::image).toList();
        List<float[]> features = inputs.stream().map(i -> scaler.apply(i.features())).toList();
        return QualityPredictions.run(model.getBlock(), model.getNDManager(), images, features);
    }

    private QualityAssessment verdict(QualityInputs inputs, QualityPredictions.Prediction prediction) {
        int cluster = clusters.assign(inputs.clusterFeatures());
        double threshold = card.publishPolicy().thresholdFor(cluster);
        ClusterAssignment assignment = new ClusterAssignment(cluster, clusters.label(cluster), threshold);
        QualityAssessment ruled = rules.judge(inputs.evidence());
        double score = Math.max(0, Math.min(1, prediction.iou()));
        if (ruled.reasons().contains(QualityReason.EMPTY_MASK) || ruled.reasons().contains(QualityReason.FULL_FRAME_MASK)) {
            return new QualityAssessment(Math.min(score, ruled.score()), ruled.reasons(), inputs.evidence(), assignment);
        }
        if (score >= threshold) {
            return new QualityAssessment(score, List.of(), inputs.evidence(), assignment);
        }
        List<QualityReason> reasons = new ArrayList<>();
        QualityLabel problem = prediction.likeliestProblem();
        if (prediction.classProbabilities()[problem.ordinal()] >= REASON_PROBABILITY) {
            reasons.add(problem.reason());
        }
        for (QualityReason reason : ruled.reasons()) {
            if (!reasons.contains(reason)) {
                reasons.add(reason);
            }
        }
        if (reasons.isEmpty()) {
            reasons.add(QualityReason.LOW_PREDICTED_IOU);
        }
        return new QualityAssessment(score, reasons, inputs.evidence(), assignment);
    }

    public VerifierCard card() {
        return card;
    }

    @Override
    public String name() {
        return card.name();
    }

    @Override
    public int version() {
        return card.version();
    }

    @Override
    public void close() {
        model.close();
    }
}

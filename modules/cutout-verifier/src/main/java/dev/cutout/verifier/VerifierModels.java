package dev.cutout.verifier;

import dev.cutout.common.store.ObjectStore;
import dev.cutout.events.ModelReleased;
import dev.cutout.vision.quality.EvidenceScorer;
import dev.cutout.vision.quality.MaskQualityScorer;
import dev.cutout.vision.verify.VerifierCard;
import dev.cutout.vision.verify.VerifierModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads the scorer to start with (per configuration) and released verifier models. */
public final class VerifierModels {

    private static final Logger log = LoggerFactory.getLogger(VerifierModels.class);

    private VerifierModels() {
    }

    /** {@code rules}: the evidence rules; {@code learned}: the weights at the configured path or the shipped verifier. */
    public static MaskQualityScorer initial(VerifierConfig config) throws IOException {
        if (VerifierConfig.MODEL_RULES.equals(config.model())) {
            log.info("scoring with the evidence rules");
            return new EvidenceScorer();
        }
        VerifierModel model = config.modelPath().isPresent()
                ? VerifierModel.load(config.modelPath().get()) : VerifierModel.loadDefault();
        log.info("scoring with verifier model {}:{}", model.name(), model.version());
        return model;
    }

    /** Downloads a release's weights and card (checked against their SHA-256) and loads them. */
    public static VerifierModel released(ModelReleased release, ObjectStore store) throws IOException {
        String name = release.getModel().getName();
        Path dir = Files.createTempDirectory("cutout-verifier-model");
        Path params = dir.resolve(name + "-0000.params");
        Path card = VerifierCard.fileFor(dir, name);
        try {
            Files.write(params, store.get(dev.cutout.common.store.ObjectRef.of(release.getWeights())));
            Files.write(card, store.get(dev.cutout.common.store.ObjectRef.of(release.getModelCard())));
            VerifierModel model = VerifierModel.load(params);
            if (model.version() != release.getModel().getVersion()) {
                int version = model.version();
                model.close();
                throw new IOException("release " + name + ":" + release.getModel().getVersion()
                        + " carries a card of version " + version);
            }
            log.info("loaded released verifier {}:{}", name, model.version());
            return model;
        } finally {
            Files.deleteIfExists(params);
            Files.deleteIfExists(card);
            Files.deleteIfExists(dir);
        }
    }
}

package dev.cutout.segmenter;

import dev.cutout.common.store.ObjectStore;
import dev.cutout.events.ModelRef;
import dev.cutout.events.ModelReleased;
import dev.cutout.vision.infer.EdgeRefiner;
import dev.cutout.vision.infer.SegmenterModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads the model to start with (configured weights or the shipped default) and released models. */
public final class ModelLoader {

    private static final Logger log = LoggerFactory.getLogger(ModelLoader.class);

    private final SegmenterConfig config;
    private final ObjectStore store;

    public ModelLoader(SegmenterConfig config, ObjectStore store) {
        this.config = config;
        this.store = store;
    }

    /** The weights at {@code model.path}, or the default model shipped in the jar when none is set. */
    public ModelHandle initial() throws IOException {
        SegmenterModel model = withEdges(config.modelPath().isPresent()
                ? SegmenterModel.load(config.modelPath().get(), config.modelArchitecture(), config.modelInputSize(),
                        config.device())
                : SegmenterModel.loadDefault(config.modelInputSize()));
        int version = config.modelVersion();
        if (version == 0) {
            version = parseVersion(model.version());
        }
        ModelRef ref = new ModelRef(config.modelName(), version);
        log.info("starting with model {}:{} at input size {}, edge refiner {}", ref.getName(), ref.getVersion(),
                model.inputSize(), edges(model));
        return new ModelHandle(model, ref);
    }

    /** Downloads the release's weights (checked against their SHA-256) and loads them. */
    public ModelHandle released(ModelReleased release) throws IOException {
        ModelRef ref = release.getModel();
        byte[] bytes = store.get(dev.cutout.common.store.ObjectRef.of(release.getWeights()));
        Path dir = Files.createTempDirectory("cutout-segmenter-model");
        Path params = dir.resolve(ref.getName() + "-0000.params");
        try {
            Files.write(params, bytes);
            int inputSize = config.modelInputSize() > 0 ? config.modelInputSize() : release.getInputSize();
            SegmenterModel model = withEdges(SegmenterModel.load(params,
                    SegmenterConfig.architecture(release.getArchitecture()), inputSize, config.device()));
            log.info("loaded released model {}:{} ({}) at input size {}, edge refiner {}", ref.getName(),
                    ref.getVersion(), release.getArchitecture(), model.inputSize(), edges(model));
            return new ModelHandle(model, ref);
        } finally {
            Files.deleteIfExists(params);
            Files.deleteIfExists(dir);
        }
    }

    /** The configured edge refiner on {@code model}; a release keeps sharpening its masks like the first model. */
    private SegmenterModel withEdges(SegmenterModel model) throws IOException {
        try {
            return model.withEdges(config.edgeRefiner(), config.device());
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    private static String edges(SegmenterModel model) {
        return model.edgeRefiner().map(EdgeRefiner::version).orElse("none");
    }

    private static int parseVersion(String version) {
        try {
            return Math.max(0, Integer.parseInt(version.replaceFirst("^v", "")));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}

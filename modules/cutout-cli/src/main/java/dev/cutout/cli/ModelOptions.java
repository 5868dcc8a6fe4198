package dev.cutout.cli;

import ai.djl.Device;
import dev.cutout.vision.infer.SegmenterModel;
import dev.cutout.vision.model.U2NetSize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which segmenter a command runs (the shipped default, or weights from a file) and its edge refiner. */
final class ModelOptions {

    @Option(names = "--model", paramLabel = "PARAMS",
            description = "Segmenter weights (NAME-0000.params, card beside it). Default: the shipped model.")
    Path model;

    @Option(names = "--model-size", paramLabel = "SIZE", defaultValue = "small",
            description = "Architecture of --model: small (U2Net-small) or full. Default: ${DEFAULT-VALUE}.")
    U2NetSize size;

    @Option(names = "--input-size", paramLabel = "PX", defaultValue = "0",
            description = "Network input size, a multiple of 32. Default: the card's serving size, else the size "
                    + "the model was trained at.")
    int inputSize;

    @Option(names = "--device", paramLabel = "cpu|gpu", defaultValue = "cpu",
            description = "Where inference runs. gpu needs a build with -Pgpu. Default: ${DEFAULT-VALUE}.")
    String device;

    @Option(names = "--edges", paramLabel = "default|none|PARAMS", defaultValue = SegmenterModel.EDGES_DEFAULT,
            description = "Edge refiner that sharpens the masks at 640 px before the final upsampling: default (the "
                    + "shipped one, where the build ships one), none, or a NAME-0000.params file. Default: ${DEFAULT-VALUE}.")
    String edges;

    SegmenterModel load() throws IOException {
        SegmenterModel segmenter = loadSegmenter();
        try {
            return segmenter.withEdges(edges, deviceOf());
        } catch (IOException e) {
            segmenter.close();
            throw new UserError(e.getMessage());
        }
    }

    private Device deviceOf() {
        return "gpu".equalsIgnoreCase(device) ? Device.gpu() : Device.cpu();
    }

    private SegmenterModel loadSegmenter() throws IOException {
        if (inputSize != 0 && (inputSize < 32 || inputSize % 32 != 0)) {
            throw new UserError("--input-size must be a positive multiple of 32, got " + inputSize);
        }
        if (model == null) {
            return SegmenterModel.loadDefault(inputSize);
        }
        if (!Files.isRegularFile(model)) {
            throw new UserError("no weights file at " + model);
        }
        return SegmenterModel.load(model, size, inputSize, deviceOf());
    }
}

package dev.cutout.cli;

import ai.djl.translate.TranslateException;
import dev.cutout.vision.data.PairFolder;
import dev.cutout.vision.eval.SegmenterEvaluation;
import dev.cutout.vision.infer.MaskPredictor;
import dev.cutout.vision.infer.SegmenterModel;
import dev.cutout.vision.mask.RefineOptions;
import dev.cutout.vision.metrics.ImageScore;
import dev.cutout.vision.metrics.RunMetrics;
import dev.cutout.vision.metrics.RunSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cutout eval}: full-resolution quality of a segmenter on a labelled folder. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Scores the segmenter against ground-truth masks at full resolution and prints "
                + "n=.. iou=.. dice=.. mae=.. maxF=.. with the shares of photos at IoU >= 0.95/0.97/0.99.")
final class EvalCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--images", required = true, paramLabel = "DIR", description = "Photos (NAME.jpg).")
    Path images;

    @Option(names = "--masks", required = true, paramLabel = "DIR", description = "Ground truth (NAME.png).")
    Path masks;

    @Option(names = "--limit", defaultValue = "0", paramLabel = "N",
            description = "Score N photos spread over the folder (0 = all). Default: ${DEFAULT-VALUE}.")
    int limit;

    @Option(names = "--worst", defaultValue = "0", paramLabel = "N", description = "Also list the N worst photos.")
    int worst;

    @Option(names = "--refine-radius", defaultValue = "-1", paramLabel = "PX",
            description = "Guided-filter radius at full resolution: -1 scales with the upsampling factor, "
                    + "0 is plain bilinear upsampling. Default: ${DEFAULT-VALUE}.")
    int refineRadius;

    @Mixin
    ModelOptions modelOptions;

    @Override
    public Integer call() throws IOException, TranslateException {
        if (!Files.isDirectory(images) || !Files.isDirectory(masks)) {
            throw new UserError("--images and --masks must be folders: " + images + ", " + masks);
        }
        PairFolder folder = PairFolder.ofSeparateFolders(images, masks);
        RunMetrics metrics;
        try (SegmenterModel model = modelOptions.load();
                MaskPredictor predictor = model.newPredictor(RefineOptions.defaults().withRadius(refineRadius))) {
            metrics = new SegmenterEvaluation().run(predictor, folder, limit);
        }
        RunSummary summary = metrics.summary();
        PrintWriter out = spec.commandLine().getOut();
        out.println(summary.format());
        for (ImageScore score : metrics.worst(worst)) {
            out.printf("worst %s iou=%.4f dice=%.4f%n", score.id(), score.iou(), score.dice());
        }
        out.flush();
        return 0;
    }
}

package dev.cutout.cli;

import ai.djl.translate.TranslateException;
import dev.cutout.common.image.DecodedImage;
import dev.cutout.common.image.ImageCodec;
import dev.cutout.common.image.ImageRejectedException;
import dev.cutout.vision.composite.Colors;
import dev.cutout.vision.composite.CutoutRenderer;
import dev.cutout.vision.composite.Margin;
import dev.cutout.vision.composite.RenderOptions;
import dev.cutout.vision.infer.MaskPredictor;
import dev.cutout.vision.infer.SegmenterModel;
import dev.cutout.vision.mask.AlphaMask;
import dev.cutout.vision.mask.RefineOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cutout remove}: background removal for files and folders, offline. */
@Command(name = "remove", mixinStandardHelpOptions = true,
        description = "Removes the background of photos: writes OUT/NAME.png (RGBA) for IN/NAME.jpg.")
final class RemoveCommand implements Callable<Integer> {

    private static final List<String> PHOTO_SUFFIXES = List.of(".jpg", ".jpeg", ".png", ".webp", ".tif", ".tiff");

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "IN", arity = "1..*", description = "Photos, or folders of photos.")
    List<Path> inputs;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "Output folder.")
    Path output;

    @Option(names = "--format", defaultValue = "png", paramLabel = "png|jpg",
            description = "png keeps transparency; jpg needs a background. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--background", paramLabel = "COLOR",
            description = "Background colour instead of transparency: white, #RRGGBB, ...")
    String background;

    @Option(names = "--crop", description = "Crop to the product with a margin.")
    boolean crop;

    @Option(names = "--margin", defaultValue = "5%", paramLabel = "PX|%",
            description = "Margin around the product with --crop. Default: ${DEFAULT-VALUE}.")
    String margin;

    @Option(names = "--mask-only", description = "Write the 8-bit mask instead of the cutout.")
    boolean maskOnly;

    @Option(names = "--hard", description = "Hard 0/255 edges instead of soft alpha.")
    boolean hard;

    @Option(names = "--min-component", defaultValue = "0", paramLabel = "SHARE",
            description = "Drop separate regions smaller than this share of the largest (e.g. 0.02). Default: keep all.")
    double minComponent;

    @Option(names = "--fill-holes", description = "Fill holes enclosed by the product.")
    boolean fillHoles;

    @Option(names = "--overwrite", description = "Redo photos whose output already exists.")
    boolean overwrite;

    @Mixin
    ModelOptions modelOptions;

    @Override
    public Integer call() throws IOException {
        String extension = format.toLowerCase(Locale.ROOT).replace("jpeg", "jpg");
        if (!extension.equals("png") && !extension.equals("jpg")) {
            throw new UserError("--format must be png or jpg, got " + format);
        }
        RenderOptions render = renderOptions(extension);
        List<Path> photos = collectPhotos();
        Files.createDirectories(output);
        PrintWriter err = spec.commandLine().getErr();
        ImageCodec codec = new ImageCodec();
        int done = 0;
        int skipped = 0;
        List<String> failures = new ArrayList<>();
        RefineOptions refine = refineOptions();
        try (SegmenterModel model = modelOptions.load();
                MaskPredictor predictor = model.newPredictor(refine);
                ProgressBar bar = new ProgressBarBuilder().setTaskName("remove").setInitialMax(photos.size())
                        .setStyle(ProgressBarStyle.ASCII).setConsumer(
                                new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err)).build()) {
            CutoutRenderer renderer = new CutoutRenderer(render);
            for (Path photo : photos) {
                Path target = output.resolve(stem(photo) + "." + (maskOnly ? "png" : extension));
                if (!overwrite && Files.exists(target)) {
                    skipped++;
                } else {
                    try {
                        DecodedImage decoded = codec.decode(Files.readAllBytes(photo));
                        AlphaMask mask = predictor.segment(decoded.image());
                        byte[] bytes = maskOnly ? codec.encodeGrayPng(mask.toGrayImage())
                                : encode(codec, renderer.render(decoded.image(), mask).image(), extension);
                        writeAtomically(target, bytes);
                        done++;
                    } catch (ImageRejectedException e) {
                        failures.add(photo + ": " + e.reason() + ": " + e.getMessage());
                    } catch (IOException | TranslateException | RuntimeException e) {
                        failures.add(photo + ": " + e);
                    }
                }
                bar.step();
            }
        }
        for (String failure : failures) {
            err.println("failed " + failure);
        }
        spec.commandLine().getOut().printf("%d written, %d skipped (already done), %d failed -> %s%n",
                done, skipped, failures.size(), output);
        return failures.isEmpty() ? 0 : 1;
    }

    private RefineOptions refineOptions() {
        RefineOptions refine = RefineOptions.defaults().keepComponentsAbove(minComponent);
        if (hard) {
            refine = refine.hard(0.5f);
        }
        return fillHoles ? refine.fillingHoles() : refine;
    }

    private RenderOptions renderOptions(String extension) {
        RenderOptions options = RenderOptions.transparent();
        if (background != null) {
            options = options.withBackground(Colors.parse(background));
        } else if (extension.equals("jpg") && !maskOnly) {
            options = options.withBackground(Colors.parse("white"));
        }
        if (crop) {
            options = options.cropped(Margin.parse(margin));
        }
        return options;
    }

    private static byte[] encode(ImageCodec codec, java.awt.image.BufferedImage image, String extension) {
        return extension.equals("jpg") ? codec.encodeJpeg(image, 0.92f) : codec.encodePng(image);
    }

    /** Write then rename, so an interrupted run never leaves a half file that a rerun would skip. */
    private static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".part");
        Files.write(tmp, bytes);
        Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private List<Path> collectPhotos() throws IOException {
        List<Path> photos = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                try (Stream<Path> files = Files.list(input)) {
                    files.filter(Files::isRegularFile).filter(RemoveCommand::looksLikePhoto).sorted().forEach(photos::add);
                }
            } else if (Files.isRegularFile(input)) {
                photos.add(input);
            } else {
                throw new UserError("no such file or folder: " + input);
            }
        }
        if (photos.isEmpty()) {
            throw new UserError("no photos found in " + inputs);
        }
        return photos;
    }

    private static boolean looksLikePhoto(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return PHOTO_SUFFIXES.stream().anyMatch(name::endsWith);
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}

package dev.cutout.vision.train;

import dev.cutout.vision.data.ImageLoading;
import dev.cutout.vision.data.LabelledImage;
import dev.cutout.vision.data.PairFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The training and validation images of a run, decoded once into memory. Validation holds out
 * whole groups (all views of a car), chosen by a stable hash so the split never changes
 * between runs and resumes.
 */
final class TrainingData {

    /** One folder's images after the split, with its sampling weight. */
    record Source(PairFolder folder, List<LabelledImage> train, List<LabelledImage> validation) {}

    private final List<Source> sources;
    private final double totalWeight;

    private TrainingData(List<Source> sources) {
        this.sources = sources;
        this.totalWeight = sources.stream().mapToDouble(s -> s.folder().weight()).sum();
    }

    static TrainingData load(List<PairFolder> folders, int cacheSide, int validationPercent) throws IOException {
        List<Source> sources = new ArrayList<>();
        for (PairFolder folder : folders) {
            List<PairFolder.Pair> pairs = folder.pairs();
            if (pairs.isEmpty()) {
                throw new IOException("no image/mask pairs in " + folder.images());
            }
            List<LabelledImage> images;
            try (ProgressBar bar = new ProgressBarBuilder().setTaskName("load " + folder.name())
                    .setInitialMax(pairs.size()).setStyle(ProgressBarStyle.ASCII).continuousUpdate().build()) {
                images = pairs.parallelStream().map(pair -> {
                    try {
                        LabelledImage image = ImageLoading.load(pair, cacheSide);
                        bar.step();
                        return image;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }).toList();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            Set<String> heldOut = heldOutGroups(images, validationPercent);
            List<LabelledImage> train = new ArrayList<>();
            List<LabelledImage> validation = new ArrayList<>();
            for (LabelledImage image : images) {
                (heldOut.contains(image.group()) ? validation : train).add(image);
            }
            if (train.isEmpty()) {
                throw new IOException("nothing left to train on in " + folder.images() + " after the validation split");
            }
            sources.add(new Source(folder, train, validation));
        }
        return new TrainingData(sources);
    }

    static Set<String> heldOutGroups(List<LabelledImage> images, int validationPercent) {
        return ValidationSplit.heldOutGroups(images.stream().map(LabelledImage::group).toList(), validationPercent);
    }

    List<Source> sources() {
        return sources;
    }

    /** Draws a training image: a folder by weight, then an image uniformly within it. */
    LabelledImage draw(Random random) {
        double r = random.nextDouble() * totalWeight;
        for (Source source : sources) {
            r -= source.folder().weight();
            if (r <= 0) {
                return source.train().get(random.nextInt(source.train().size()));
            }
        }
        Source last = sources.get(sources.size() - 1);
        return last.train().get(random.nextInt(last.train().size()));
    }

    /** One line per folder for a model card: name, weight, and how many photos were trained on and held out. */
    List<String> describe() {
        return sources.stream().map(source -> source.folder().name() + " (weight " + source.folder().weight() + ", "
                + source.train().size() + " train / " + source.validation().size() + " held out)").toList();
    }

    int trainCount() {
        return sources.stream().mapToInt(s -> s.train().size()).sum();
    }

    int validationCount() {
        return sources.stream().mapToInt(s -> s.validation().size()).sum();
    }
}

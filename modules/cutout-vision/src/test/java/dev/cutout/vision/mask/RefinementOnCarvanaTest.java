package dev.cutout.vision.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Refinement on real full-size studio photos: Carvana validation cars at 1918x1280, with the model's
 * output stood in for by the true mask reduced to a hard 160x160 mask (what a coarse model that is
 * right to within its own pixels gives). Skipped where ../shared/datasets is absent.
 */
class RefinementOnCarvanaTest {

    private static final Path CARVANA = Path.of(System.getProperty("cutout.datasets", "../../../shared/datasets"))
            .resolve("carvana-val");

    @Test
    void refinementBeatsPlainUpsamplingOnRealPhotos() throws Exception {
        assumeTrue(Files.isDirectory(CARVANA.resolve("images")),
                "carvana-val not found at " + CARVANA.toAbsolutePath() + "; real-data refinement check skipped");
        List<Path> photos;
        try (Stream<Path> files = Files.list(CARVANA.resolve("images"))) {
            photos = files.filter(p -> p.toString().endsWith(".jpg")).sorted().toList();
        }
        assumeTrue(photos.size() >= 4, "carvana-val holds fewer than 4 photos");

        MaskRefiner refiner = MaskRefiner.withDefaults();
        MaskRefiner upsampler = new MaskRefiner(RefineOptions.defaults().withRadius(0));
        double refined = 0;
        double upsampled = 0;
        int n = 4;
        for (int i = 0; i < n; i++) {
            Path photoFile = photos.get(i * photos.size() / n);
            String stem = photoFile.getFileName().toString().replace(".jpg", "");
            BufferedImage photo = ImageIO.read(photoFile.toFile());
            AlphaMask truth = AlphaMask.read(CARVANA.resolve("masks").resolve(stem + ".png"), 0.5f);
            AlphaMask model = truth.resize(160, 160).binarize(0.5f);

            refined += Scenes.iou(refiner.refine(model, photo), truth);
            upsampled += Scenes.iou(upsampler.refine(model, photo), truth);
        }

        assertThat(refined / n).isGreaterThan(upsampled / n + 0.001);
    }
}

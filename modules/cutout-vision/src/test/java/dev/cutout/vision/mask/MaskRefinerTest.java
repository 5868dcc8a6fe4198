package dev.cutout.vision.mask;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Shape;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class MaskRefinerTest {

    private static final int W = 320;
    private static final int H = 240;
    private static final Shape SHAPE = Scenes.product(W, H);
    private static final BufferedImage PHOTO = Scenes.photo(W, H, SHAPE, new Color(0x5A, 0x20, 0x20),
            new Color(0xF0, 0xF0, 0xF0), BufferedImage.TYPE_3BYTE_BGR);
    private static final AlphaMask TRUTH = Scenes.truth(W, H, SHAPE);
    private static final AlphaMask MODEL_OUTPUT = TRUTH.resize(40, 30).binarize(0.5f).resize(40, 30);

    @Test
    void refinesToThePhotosResolutionAndBeatsPlainUpsampling() {
        AlphaMask refined = MaskRefiner.withDefaults().refine(MODEL_OUTPUT, PHOTO);
        AlphaMask upsampled = new MaskRefiner(RefineOptions.defaults().withRadius(0)).refine(MODEL_OUTPUT, PHOTO);

        assertThat(refined.width()).isEqualTo(W);
        assertThat(refined.height()).isEqualTo(H);
        assertThat(Scenes.iou(refined, TRUTH)).isGreaterThan(Scenes.iou(upsampled, TRUTH));
        assertThat(Scenes.iou(upsampled, TRUTH)).isGreaterThan(
                Scenes.iou(Scenes.blockyUpsample(MODEL_OUTPUT, W, H), TRUTH));
    }

    @Test
    void softModeKeepsPartialOpacityAtTheEdgeAndHardModeDoesNot() {
        AlphaMask soft = MaskRefiner.withDefaults().refine(MODEL_OUTPUT, PHOTO);
        AlphaMask hard = new MaskRefiner(RefineOptions.defaults().hard(0.5f)).refine(MODEL_OUTPUT, PHOTO);

        assertThat(countPartial(soft)).isGreaterThan(100);
        assertThat(countPartial(hard)).isZero();
        assertThat(hard).isEqualTo(soft.binarize(0.5f));
    }

    @Test
    void removesASpeckTheModelLeftAndFillsAHoleItOpened() {
        float[] v = MODEL_OUTPUT.values();
        v[2 * 40 + 2] = 1f;
        v[3 * 40 + 2] = 1f;
        int inside = 13 * 40 + 20;
        assertThat(v[inside]).isEqualTo(1f);
        v[inside] = 0f;
        AlphaMask flawed = AlphaMask.of(40, 30, v);
        // Without the guided filter, which on its own would already fade a speck over empty background.
        RefineOptions upsampleOnly = RefineOptions.defaults().withRadius(0).hard(0.5f);
        RefineOptions cleaning = upsampleOnly.keepComponentsAbove(0.2).fillingHoles();

        AlphaMask plain = new MaskRefiner(upsampleOnly).refine(flawed, PHOTO);
        AlphaMask cleaned = new MaskRefiner(cleaning).refine(flawed, PHOTO);

        assertThat(plain.get(2 * 8 + 4, 2 * 8 + 8)).as("speck without clean-up").isEqualTo(1f);
        assertThat(plain.get(20 * 8 + 4, 13 * 8 + 4)).as("hole without clean-up").isEqualTo(0f);
        assertThat(cleaned.get(2 * 8 + 4, 2 * 8 + 8)).isEqualTo(0f);
        assertThat(cleaned.get(20 * 8 + 4, 13 * 8 + 4)).isEqualTo(1f);
        assertThat(Scenes.iou(cleaned, TRUTH)).isGreaterThan(Scenes.iou(plain, TRUTH));
    }

    @Test
    void aFullResolutionMaskIsOnlyCleanedNotResampled() {
        RefineOptions noFilter = RefineOptions.defaults().withRadius(0);
        assertThat(new MaskRefiner(noFilter).refine(TRUTH, PHOTO)).isEqualTo(TRUTH);
    }

    @Test
    void refinesAFullSizePhotoQuickly() {
        int w = 1918;
        int h = 1280;
        Shape shape = Scenes.product(w, h);
        BufferedImage photo = Scenes.photo(w, h, shape, Color.DARK_GRAY, Color.WHITE, BufferedImage.TYPE_3BYTE_BGR);
        AlphaMask model = Scenes.truth(w, h, shape).resize(320, 320);
        MaskRefiner refiner = MaskRefiner.withDefaults();

        long best = Long.MAX_VALUE;
        AlphaMask out = null;
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            out = refiner.refine(model, photo);
            best = Math.min(best, System.nanoTime() - start);
        }

        assertThat(out.width()).isEqualTo(w);
        // A loose bound: the refinement takes tens of milliseconds; seconds would mean a lost O(N) path.
        assertThat(best / 1_000_000).isLessThan(3000);
    }

    private static int countPartial(AlphaMask mask) {
        int n = 0;
        for (int i = 0; i < mask.pixelCount(); i++) {
            float v = mask.at(i);
            if (v > 0.05f && v < 0.95f) {
                n++;
            }
        }
        return n;
    }
}

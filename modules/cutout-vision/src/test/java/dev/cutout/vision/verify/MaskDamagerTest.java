package dev.cutout.vision.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutout.vision.mask.AlphaMask;
import dev.cutout.vision.metrics.Metrics;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MaskDamagerTest {

    private static final int DRAWS = 12;
    private final MaskDamager damager = new MaskDamager();

    private AlphaMask damage(MaskDamage damage, AlphaMask mask, long seed) {
        return damager.apply(damage, mask, Subjects.tall(), new Random(seed));
    }

    @Test
    void erosionOnlyRemovesForeground() {
        for (AlphaMask subject : List.of(Subjects.ellipse(), Subjects.car())) {
            boolean[] before = Subjects.inside(subject);
            for (long seed = 0; seed < DRAWS; seed++) {
                AlphaMask eroded = damage(MaskDamage.ERODED, subject, seed);

                assertSubset(Subjects.inside(eroded), before);
                assertThat(Metrics.iou(eroded, subject)).isLessThan(0.995);
            }
        }
    }

    @Test
    void dilationOnlyAddsForeground() {
        for (AlphaMask subject : List.of(Subjects.ellipse(), Subjects.car())) {
            boolean[] before = Subjects.inside(subject);
            for (long seed = 0; seed < DRAWS; seed++) {
                AlphaMask dilated = damage(MaskDamage.DILATED, subject, seed);

                assertSubset(before, Subjects.inside(dilated));
                assertThat(Metrics.iou(dilated, subject)).isLessThan(0.995);
            }
        }
    }

    @Test
    void dilationGrowsEverySideAlike() {
        boolean[] disc = new boolean[Subjects.WIDTH * Subjects.HEIGHT];
        Shapes.ellipse(disc, Subjects.WIDTH, Subjects.HEIGHT, 160, 120, 40, 40, 0);
        AlphaMask subject = Subjects.soft(disc);
        for (long seed = 0; seed < DRAWS; seed++) {
            boolean[] after = Subjects.inside(damage(MaskDamage.DILATED, subject, seed));

            // The disc spans rows and columns 80..160 around (160, 120); the margin gained above,
            // below, left and right is the same radius, to within a pixel.
            int top = 80 - firstRow(after, 160);
            int bottom = lastRow(after, 160) - 160;
            int left = 120 - firstColumn(after, 120);
            int right = lastColumn(after, 120) - 200;
            assertThat(top).isPositive();
            assertThat(List.of(bottom, left, right)).allSatisfy(m -> assertThat(m).isBetween(top - 1, top + 1));
        }
    }

    @Test
    void holesKeepTheOutlineAndOpenTheInside() {
        for (AlphaMask subject : List.of(Subjects.ellipse(), Subjects.car())) {
            boolean[] before = Subjects.inside(subject);
            for (long seed = 0; seed < DRAWS; seed++) {
                boolean[] after = Subjects.inside(damage(MaskDamage.HOLES, subject, seed));

                assertSubset(after, before);
                int removed = 0;
                for (int i = 0; i < before.length; i++) {
                    if (onOutline(before, i)) {
                        assertThat(after[i]).as("outline pixel %d kept", i).isTrue();
                    }
                    if (before[i] && !after[i]) {
                        removed++;
                    }
                }
                assertThat(removed).as("seed %d", seed).isGreaterThan(0);
            }
        }
    }

    @Test
    void missingPartRemovesAPieceOfTheSubject() {
        AlphaMask subject = Subjects.car();
        boolean[] before = Subjects.inside(subject);
        for (long seed = 0; seed < DRAWS; seed++) {
            AlphaMask damaged = damage(MaskDamage.MISSING_PART, subject, seed);

            assertSubset(Subjects.inside(damaged), before);
            assertThat(Metrics.iou(damaged, subject)).isLessThan(0.99);
        }
    }

    @Test
    void extraBlobAddsForegroundNextToTheSubject() {
        AlphaMask subject = Subjects.ellipse();
        boolean[] before = Subjects.inside(subject);
        float[] toSubject = Planes.distanceTo(before, Subjects.WIDTH, Subjects.HEIGHT);
        for (long seed = 0; seed < DRAWS; seed++) {
            AlphaMask damaged = damage(MaskDamage.EXTRA_BLOB, subject, seed);
            boolean[] after = Subjects.inside(damaged);

            assertSubset(before, after);
            assertThat(Metrics.iou(damaged, subject)).isLessThan(0.99);
            float nearestAdded = Float.POSITIVE_INFINITY;
            for (int i = 0; i < after.length; i++) {
                if (after[i] && !before[i]) {
                    nearestAdded = Math.min(nearestAdded, toSubject[i]);
                }
            }
            // Touching, or at most a quarter of the subject's radius (about 41 px) away.
            assertThat(nearestAdded).as("seed %d", seed).isLessThanOrEqualTo(20f);
        }
    }

    @Test
    void shadowIsAddedOnlyBelowTheSubjectsCentre() {
        for (AlphaMask subject : List.of(Subjects.ellipse(), Subjects.car(), Subjects.tall())) {
            boolean[] before = Subjects.inside(subject);
            double centre = Subjects.centroidY(subject);
            for (long seed = 0; seed < DRAWS; seed++) {
                AlphaMask damaged = damage(MaskDamage.SHADOW_KEPT, subject, seed);
                boolean[] after = Subjects.inside(damaged);

                assertSubset(before, after);
                int added = 0;
                for (int i = 0; i < after.length; i++) {
                    if (after[i] && !before[i]) {
                        added++;
                        assertThat(i / Subjects.WIDTH).isGreaterThan((int) centre);
                    }
                }
                assertThat(added).as("seed %d", seed).isGreaterThan(0);
            }
        }
    }

    @Test
    void roughEdgeMovesTheOutlineBothWays() {
        AlphaMask subject = Subjects.car();
        boolean[] before = Subjects.inside(subject);
        for (long seed = 0; seed < DRAWS; seed++) {
            AlphaMask damaged = damage(MaskDamage.ROUGH_EDGE, subject, seed);
            boolean[] after = Subjects.inside(damaged);
            int added = 0;
            int removed = 0;
            for (int i = 0; i < after.length; i++) {
                added += after[i] && !before[i] ? 1 : 0;
                removed += before[i] && !after[i] ? 1 : 0;
            }

            assertThat(added).as("seed %d added", seed).isGreaterThan(0);
            assertThat(removed).as("seed %d removed", seed).isGreaterThan(0);
            assertThat(Metrics.iou(damaged, subject)).isLessThan(0.99);
        }
    }

    @Test
    void softEdgeWidensTheUncertainBand() {
        AlphaMask subject = Subjects.ellipse();
        double before = Subjects.uncertainShare(subject);
        for (long seed = 0; seed < DRAWS; seed++) {
            AlphaMask damaged = damage(MaskDamage.SOFT_EDGE, subject, seed);

            assertThat(Subjects.uncertainShare(damaged)).as("seed %d", seed).isGreaterThan(2 * before);
            assertThat(Metrics.iou(damaged, subject)).isLessThan(0.995);
        }
    }

    @Test
    void wrongObjectHasLittleOverlapWithTheSubject() {
        AlphaMask subject = Subjects.ellipse();
        // A donor of another size and aspect, and the worst case, a donor of the very same shape.
        AlphaMask smallTall = Subjects.tall().resize(100, 80);
        for (AlphaMask donor : List.of(smallTall, subject, Subjects.car())) {
            for (long seed = 0; seed < DRAWS; seed++) {
                AlphaMask damaged = damager.apply(MaskDamage.WRONG_OBJECT, subject, donor, new Random(seed));

                assertThat(damaged.width()).isEqualTo(Subjects.WIDTH);
                assertThat(damaged.height()).isEqualTo(Subjects.HEIGHT);
                assertThat(Metrics.iou(damaged, subject)).as("seed %d", seed).isLessThanOrEqualTo(0.62);
                assertThat(damaged.count(0.5f)).isGreaterThan(0);
            }
        }
    }

    @Test
    void wrongObjectWithoutADonorUsesAnEllipse() {
        AlphaMask subject = Subjects.car();
        for (AlphaMask donor : new AlphaMask[] {null, AlphaMask.filled(50, 50, 0f)}) {
            AlphaMask damaged = damager.apply(MaskDamage.WRONG_OBJECT, subject, donor, new Random(1));

            assertThat(Metrics.iou(damaged, subject)).isLessThanOrEqualTo(0.62);
            assertThat(damaged.count(0.5f)).isGreaterThan(0);
        }
    }

    @ParameterizedTest
    @EnumSource(MaskDamage.class)
    void theSameSeedGivesTheSameDamageAndAnotherSeedAnother(MaskDamage kind) {
        AlphaMask subject = Subjects.car();

        AlphaMask first = damage(kind, subject, 42);
        AlphaMask again = damage(kind, subject, 42);

        assertThat(again).isEqualTo(first);
        assertThat(damage(kind, subject, 43)).isNotEqualTo(first);
    }

    @ParameterizedTest
    @EnumSource(MaskDamage.class)
    void outputsAreSoftAtTheEdgeAndKeepTheSize(MaskDamage kind) {
        AlphaMask damaged = damage(kind, Subjects.ellipse(), 7);

        assertThat(damaged.width()).isEqualTo(Subjects.WIDTH);
        assertThat(damaged.height()).isEqualTo(Subjects.HEIGHT);
        int soft = 0;
        for (int i = 0; i < damaged.pixelCount(); i++) {
            float v = damaged.at(i);
            assertThat(v).isBetween(0f, 1f);
            if (v > 0.05f && v < 0.95f) {
                soft++;
            }
        }
        assertThat(soft).isGreaterThan(100);
    }

    @ParameterizedTest
    @EnumSource(MaskDamage.class)
    void anEmptyMaskComesBackEmpty(MaskDamage kind) {
        AlphaMask empty = AlphaMask.filled(64, 48, 0f);

        AlphaMask damaged = damager.apply(kind, empty, Subjects.car(), new Random(1));

        assertThat(damaged.width()).isEqualTo(64);
        assertThat(damaged.height()).isEqualTo(48);
        assertThat(damaged.count(0.5f)).isZero();
    }

    @ParameterizedTest
    @EnumSource(MaskDamage.class)
    void aMaskFillingTheFrameIsHandled(MaskDamage kind) {
        AlphaMask full = AlphaMask.filled(64, 48, 1f);

        AlphaMask damaged = damager.apply(kind, full, null, new Random(1));

        assertThat(damaged.width()).isEqualTo(64);
        assertThat(damaged.height()).isEqualTo(48);
        assertThat(damaged.values()).doesNotContain(Float.NaN);
    }

    @Test
    void severitiesSpreadOverTheRangeWithMostDrawsHardToTell() {
        EnumSet<MaskDamage> kinds = EnumSet.complementOf(EnumSet.of(MaskDamage.WRONG_OBJECT));
        List<Double> ious = new ArrayList<>();
        List<AlphaMask> subjects = List.of(Subjects.ellipse(), Subjects.car());
        for (int s = 0; s < subjects.size(); s++) {
            AlphaMask subject = subjects.get(s);
            for (MaskDamage kind : kinds) {
                List<Double> own = new ArrayList<>();
                for (long draw = 0; draw < 25; draw++) {
                    own.add(Metrics.iou(damage(kind, subject, 1000L * kind.ordinal() + 100L * s + draw), subject));
                }
                assertThat(own).as("%s", kind).allSatisfy(iou -> assertThat(iou).isBetween(0.2, 0.995));
                // Every damage reaches both the hard-to-tell range and clearly bad masks.
                assertThat(own.stream().mapToDouble(Double::doubleValue).max().orElseThrow())
                        .as("%s max", kind).isGreaterThan(0.9);
                assertThat(own.stream().mapToDouble(Double::doubleValue).min().orElseThrow())
                        .as("%s min", kind).isLessThan(0.85);
                ious.addAll(own);
            }
        }
        long hard = ious.stream().filter(iou -> iou >= 0.8 && iou <= 0.98).count();
        long low = ious.stream().filter(iou -> iou < 0.6).count();
        // Aimed at: about 65% in [0.8, 0.98] and 9% below 0.6.
        assertThat(hard).isGreaterThan(ious.size() / 2);
        assertThat(low).isGreaterThan(ious.size() / 40);
    }

    private static void assertSubset(boolean[] inner, boolean[] outer) {
        for (int i = 0; i < inner.length; i++) {
            if (inner[i]) {
                assertThat(outer[i]).as("pixel (%d,%d)", i % Subjects.WIDTH, i / Subjects.WIDTH).isTrue();
            }
        }
    }

    private static boolean onOutline(boolean[] in, int i) {
        int w = Subjects.WIDTH;
        int x = i % w;
        int y = i / w;
        return in[i] && ((x > 0 && !in[i - 1]) || (x < w - 1 && !in[i + 1]) || (y > 0 && !in[i - w])
                || (y < Subjects.HEIGHT - 1 && !in[i + w]));
    }

    private static int firstRow(boolean[] in, int x) {
        for (int y = 0; y < Subjects.HEIGHT; y++) {
            if (in[y * Subjects.WIDTH + x]) {
                return y;
            }
        }
        return -1;
    }

    private static int lastRow(boolean[] in, int x) {
        for (int y = Subjects.HEIGHT - 1; y >= 0; y--) {
            if (in[y * Subjects.WIDTH + x]) {
                return y;
            }
        }
        return -1;
    }

    private static int firstColumn(boolean[] in, int y) {
        for (int x = 0; x < Subjects.WIDTH; x++) {
            if (in[y * Subjects.WIDTH + x]) {
                return x;
            }
        }
        return -1;
    }

    private static int lastColumn(boolean[] in, int y) {
        for (int x = Subjects.WIDTH - 1; x >= 0; x--) {
            if (in[y * Subjects.WIDTH + x]) {
                return x;
            }
        }
        return -1;
    }
}

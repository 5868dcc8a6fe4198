package dev.cutout.vision.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cutout.vision.mask.AlphaMask;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RunMetricsTest {

    private static final AlphaMask TRUTH = Masks.of(
            "##..",
            "##..",
            "....",
            "....");

    @Test
    void theEvaluatorFillsEveryMetric() {
        AlphaMask prediction = Masks.of(
                "####",
                "6666",
                "....",
                "....");

        ImageScore score = new MaskEvaluator(0).score("a", prediction, TRUTH);

        assertThat(score.id()).isEqualTo("a");
        // Binarised at 0.5 the prediction is the top two rows: TP 4, FP 4.
        assertThat(score.iou()).isCloseTo(0.5, within(1e-12));
        assertThat(score.dice()).isCloseTo(2.0 / 3, within(1e-12));
        // Background: 2 pixels at 1.0 and 2 at 0.6; foreground: 2 at 0.6, each 0.4 short. (2 + 1.2 + 0.8) / 16.
        assertThat(score.mae()).isCloseTo(4.0 / 16, within(1e-6));
        assertThat(score.maxF()).isCloseTo(0.65 / 1.15, within(1e-12));
        assertThat(score.boundaryF()).isBetween(0.0, 1.0);
    }

    @Test
    void summarisesMeansAndIouShares() {
        RunMetrics run = new RunMetrics();
        run.add(score("perfect", 1.0, 1.0, 0.00));
        run.add(score("good", 0.98, 0.99, 0.01));
        run.add(score("bad", 0.5, 0.6667, 0.2));

        RunSummary summary = run.summary();

        assertThat(summary.n()).isEqualTo(3);
        assertThat(summary.meanIou()).isCloseTo((1.0 + 0.98 + 0.5) / 3, within(1e-12));
        assertThat(summary.meanDice()).isCloseTo((1.0 + 0.99 + 0.6667) / 3, within(1e-12));
        assertThat(summary.meanMae()).isCloseTo(0.07, within(1e-12));
        assertThat(summary.shareIouAtLeast95()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(summary.shareIouAtLeast97()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(summary.shareIouAtLeast99()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(run.worst(1)).extracting(ImageScore::id).containsExactly("bad");
    }

    @Test
    void datasetMaxFIsTheMaximumOfTheMeanCurveNotTheMeanOfMaxima() {
        // Image one peaks at high thresholds only, image two at low ones only.
        AlphaMask sharp = Masks.of(
                "##..",
                "##..",
                "9...",
                "....");
        AlphaMask faint = Masks.of(
                "22..",
                "22..",
                "....",
                "....");
        MaskEvaluator evaluator = new MaskEvaluator();
        ImageScore one = evaluator.score("one", sharp, TRUTH);
        ImageScore two = evaluator.score("two", faint, TRUTH);
        RunMetrics run = new RunMetrics();
        run.add(one);
        run.add(two);

        double[] mean = run.meanFCurve();
        double expected = IntStream.range(0, 256).mapToDouble(k -> mean[k]).max().orElseThrow();

        assertThat(one.maxF()).isEqualTo(1.0);
        assertThat(two.maxF()).isEqualTo(1.0);
        assertThat(run.summary().maxF()).isCloseTo(expected, within(1e-12)).isLessThan(1.0);
        assertThat(mean[100]).isCloseTo((one.fCurve().f(100) + two.fCurve().f(100)) / 2, within(1e-12));
    }

    @Test
    void formatsOneLineWithFourDecimals() {
        RunSummary summary = new RunSummary(300, 0.98765, 0.99321, 0.012345, 0.95, 0.8, 0.9, 0.5, 0.1);

        assertThat(summary.format()).isEqualTo("n=300 iou=0.9877 dice=0.9932 mae=0.0123 maxF=0.9500 "
                + "iou>=0.95=0.9000 iou>=0.97=0.5000 iou>=0.99=0.1000 bf=0.8000");
        assertThat(summary.toString()).isEqualTo(summary.format());
    }

    @Test
    void anEmptyRunIsAllNotANumber() {
        RunSummary summary = new RunMetrics().summary();
        assertThat(summary.n()).isZero();
        assertThat(summary.meanIou()).isNaN();
        assertThat(summary.format()).startsWith("n=0 iou=NaN");
    }

    @Test
    void acceptsScoresFromSeveralThreads() throws Exception {
        RunMetrics run = new RunMetrics();
        ImageScore s = score("x", 0.96, 0.98, 0.01);
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 250; i++) {
                    run.add(s);
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(run.size()).isEqualTo(1000);
        assertThat(run.summary().shareIouAtLeast95()).isEqualTo(1.0);
        assertThat(run.meanFCurve()[0]).isCloseTo(s.fCurve().f(0), within(1e-9));
    }

    private static ImageScore score(String id, double iou, double dice, double mae) {
        return new ImageScore(id, iou, dice, mae, 1.0, FMeasureCurve.of(TRUTH, TRUTH));
    }
}

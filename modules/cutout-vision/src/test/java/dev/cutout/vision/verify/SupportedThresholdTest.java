package dev.cutout.vision.verify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SupportedThresholdTest {

    @Test
    void aThresholdRestingOnAHandfulOfMasksPublishesNothing() {
        double[] scores = new double[100];
        double[] truth = new double[100];
        for (int i = 0; i < 100; i++) {
            scores[i] = i / 100.0;
            truth[i] = i >= 97 ? 0.99 : 0.5; // only the top three are good
        }
        PublishThresholds.Choice raw = PublishThresholds.choose(scores, truth, 0.95, 0.99);
        assertThat(raw.published()).isEqualTo(3);

        PublishThresholds.Choice kept = VerifierTrainer.supported(raw, scores, truth);
        assertThat(kept.threshold()).isEqualTo(1.0);
        assertThat(kept.published()).isZero();
        assertThat(kept.precision()).isNaN();
    }

    @Test
    void aThresholdWithEnoughSupportIsKept() {
        double[] scores = new double[100];
        double[] truth = new double[100];
        for (int i = 0; i < 100; i++) {
            scores[i] = i / 100.0;
            truth[i] = i >= 50 ? 0.99 : 0.5;
        }
        PublishThresholds.Choice raw = PublishThresholds.choose(scores, truth, 0.95, 0.99);
        assertThat(VerifierTrainer.supported(raw, scores, truth)).isEqualTo(raw);
        assertThat(raw.published()).isEqualTo(50);
        assertThat(raw.threshold()).isEqualTo(0.5);
    }
}

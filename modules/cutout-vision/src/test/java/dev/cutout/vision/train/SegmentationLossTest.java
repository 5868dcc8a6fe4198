package dev.cutout.vision.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class SegmentationLossTest {

    @Test
    void zeroLogitsCostLn2InBceAndTheirSoftIou() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray target = m.create(new float[] {1, 0, 1, 0}, new Shape(1, 1, 2, 2));
            NDArray logits = m.zeros(new Shape(1, 1, 2, 2));
            assertThat(SegmentationLoss.bce(logits, target).getFloat()).isCloseTo((float) Math.log(2), within(1e-5f));
            // p = 0.5 everywhere: intersection 1, union 0.5*4 + 2 - 1 = 3, smoothed (1+1)/(3+1).
            assertThat(SegmentationLoss.softIou(logits, target).getFloat()).isCloseTo(0.5f, within(1e-5f));
        }
    }

    @Test
    void confidentCorrectPredictionsCostAlmostNothingAndWrongOnesALot() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray target = m.create(new float[] {1, 0, 1, 0}, new Shape(1, 1, 2, 2));
            NDArray right = target.mul(40).sub(20);
            NDArray wrong = right.neg();
            SegmentationLoss loss = new SegmentationLoss(1f);
            float good = loss.evaluate(new NDList(target), new NDList(right, right)).getFloat();
            float bad = loss.evaluate(new NDList(target), new NDList(wrong, wrong)).getFloat();
            assertThat(good).isLessThan(0.25f);
            assertThat(bad).isGreaterThan(30f);
        }
    }

    @Test
    void scheduleWarmsUpThenDecaysToFivePercentAndResumesWhereItLeftOff() {
        LearningRateSchedule schedule = new LearningRateSchedule(1e-3f, 10, 110, 0);
        assertThat(schedule.at(0)).isCloseTo(1e-4f, within(1e-9f));
        assertThat(schedule.at(9)).isCloseTo(1e-3f, within(1e-9f));
        assertThat(schedule.at(60)).isCloseTo(1e-3f * 0.525f, within(1e-6f));
        assertThat(schedule.at(110)).isCloseTo(5e-5f, within(1e-9f));
        assertThat(new LearningRateSchedule(1e-3f, 10, 110, 60).getNewValue(0)).isEqualTo(schedule.at(60));
    }
}

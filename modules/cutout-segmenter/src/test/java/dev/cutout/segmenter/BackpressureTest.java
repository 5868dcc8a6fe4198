package dev.cutout.segmenter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutout.segmenter.Backpressure.Action;
import org.junit.jupiter.api.Test;

class BackpressureTest {

    @Test
    void pausesAtTheBoundAndResumesAtHalfOfIt() {
        Backpressure backpressure = new Backpressure(8);
        assertThat(backpressure.update(7)).isEqualTo(Action.NONE);
        assertThat(backpressure.update(8)).isEqualTo(Action.PAUSE);
        assertThat(backpressure.paused()).isTrue();
        assertThat(backpressure.update(12)).isEqualTo(Action.NONE);
        assertThat(backpressure.update(5)).isEqualTo(Action.NONE);
        assertThat(backpressure.update(4)).isEqualTo(Action.RESUME);
        assertThat(backpressure.paused()).isFalse();
        assertThat(backpressure.update(4)).isEqualTo(Action.NONE);
        assertThat(backpressure.pauses()).isEqualTo(1);
    }

    @Test
    void aBoundOfOneResumesOnlyWhenDrained() {
        Backpressure backpressure = new Backpressure(1);
        assertThat(backpressure.update(1)).isEqualTo(Action.PAUSE);
        assertThat(backpressure.update(1)).isEqualTo(Action.NONE);
        assertThat(backpressure.update(0)).isEqualTo(Action.RESUME);
        assertThat(backpressure.update(1)).isEqualTo(Action.PAUSE);
        assertThat(backpressure.pauses()).isEqualTo(2);
    }
}

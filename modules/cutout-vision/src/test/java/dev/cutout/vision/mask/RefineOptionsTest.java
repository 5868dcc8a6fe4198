package dev.cutout.vision.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RefineOptionsTest {

    @Test
    void defaultsAreSoftWithAnAutomaticRadiusAndNoCleanUp() {
        RefineOptions defaults = RefineOptions.defaults();
        assertThat(defaults.mode()).isEqualTo(AlphaMode.SOFT);
        assertThat(defaults.radius()).isEqualTo(RefineOptions.AUTO_RADIUS);
        assertThat(defaults.confidenceBlend()).isTrue();
        assertThat(defaults.minComponentShare()).isZero();
        assertThat(defaults.fillHoles()).isFalse();
    }

    @Test
    void automaticRadiusFollowsTheUpsamplingFactor() {
        RefineOptions auto = RefineOptions.defaults();
        assertThat(auto.radiusFor(320, 320, 1918, 1280)).isEqualTo(6);
        assertThat(auto.radiusFor(160, 160, 1918, 1280)).isEqualTo(12);
        assertThat(auto.radiusFor(1918, 1280, 1918, 1280)).isEqualTo(2);
        assertThat(auto.withRadius(9).radiusFor(320, 320, 1918, 1280)).isEqualTo(9);
    }

    @Test
    void withersChangeOneThing() {
        RefineOptions o = RefineOptions.defaults().hard(0.6f).keepComponentsAbove(0.1).fillingHolesUpTo(0.01);
        assertThat(o.mode()).isEqualTo(AlphaMode.HARD);
        assertThat(o.threshold()).isEqualTo(0.6f);
        assertThat(o.minComponentShare()).isEqualTo(0.1);
        assertThat(o.fillHoles()).isTrue();
        assertThat(o.maxHoleShare()).isEqualTo(0.01);
        assertThat(o.soft().mode()).isEqualTo(AlphaMode.SOFT);
        assertThat(o.soft().threshold()).isEqualTo(0.6f);
    }

    @Test
    void rejectsValuesOutOfRange() {
        RefineOptions d = RefineOptions.defaults();
        assertThatThrownBy(() -> d.withRadius(-2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withEpsilon(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withSubsample(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withThreshold(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.keepComponentsAbove(1.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.fillingHolesUpTo(-0.1)).isInstanceOf(IllegalArgumentException.class);
    }
}

package dev.cutout.vision.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutout.vision.metrics.Confusion;
import org.junit.jupiter.api.Test;

class QualityLabelTest {

    @Test
    void goodAboveTheBarWhateverTheDamage() {
        assertThat(QualityLabel.of(new Confusion(96, 2, 2, 900), MaskDamage.HOLES)).isEqualTo(QualityLabel.GOOD);
    }

    @Test
    void damagesWithAClassOfTheirOwnNameIt() {
        Confusion poor = new Confusion(70, 10, 20, 900);
        assertThat(QualityLabel.of(poor, MaskDamage.HOLES)).isEqualTo(QualityLabel.HOLES);
        assertThat(QualityLabel.of(poor, MaskDamage.SOFT_EDGE)).isEqualTo(QualityLabel.ROUGH_EDGE);
        assertThat(QualityLabel.of(poor, MaskDamage.WRONG_OBJECT)).isEqualTo(QualityLabel.WRONG_OBJECT);
    }

    @Test
    void otherwiseTheLargerErrorDecides() {
        assertThat(QualityLabel.of(new Confusion(70, 10, 20, 900), null)).isEqualTo(QualityLabel.MISSING_PART);
        assertThat(QualityLabel.of(new Confusion(70, 20, 10, 900), MaskDamage.SHADOW_KEPT))
                .isEqualTo(QualityLabel.EXTRA_REGION);
    }

    @Test
    void everyProblemClassHasAReasonCode() {
        for (QualityLabel label : QualityLabel.values()) {
            assertThat(label.reason() == null).isEqualTo(label == QualityLabel.GOOD);
        }
    }
}

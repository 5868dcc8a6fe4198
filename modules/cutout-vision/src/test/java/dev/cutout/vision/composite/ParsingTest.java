package dev.cutout.vision.composite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParsingTest {

    @Test
    void marginsInPercentAndPixels() {
        assertThat(Margin.parse("5%")).isEqualTo(Margin.percent(5));
        assertThat(Margin.parse(" 2.5 % ")).isEqualTo(Margin.percent(2.5));
        assertThat(Margin.parse("20px")).isEqualTo(Margin.pixels(20));
        assertThat(Margin.parse("20 PX")).isEqualTo(Margin.pixels(20));
        assertThat(Margin.parse("0")).isEqualTo(Margin.NONE);
        assertThat(Margin.parse("5%").toString()).isEqualTo("5%");
        assertThat(Margin.parse("12").toString()).isEqualTo("12px");
    }

    @Test
    void percentMarginsAreOfTheSubjectsLongerSide() {
        BoundingBox subject = new BoundingBox(0, 0, 200, 50);
        assertThat(Margin.parse("5%").pixelsFor(subject)).isEqualTo(10);
        assertThat(Margin.parse("2.5%").pixelsFor(new BoundingBox(0, 0, 30, 100))).isEqualTo(3);
        assertThat(Margin.parse("7px").pixelsFor(subject)).isEqualTo(7);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "-5%", "5 %%", "2.5px", "px", "1e400"})
    void rejectsWhatIsNotAMargin(String text) {
        assertThatThrownBy(() -> Margin.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void coloursByHexAndName() {
        assertThat(Colors.parse("#FF8000")).isEqualTo(new Color(255, 128, 0));
        assertThat(Colors.parse("#ff8000")).isEqualTo(new Color(255, 128, 0));
        assertThat(Colors.parse("#f80")).isEqualTo(new Color(255, 136, 0));
        assertThat(Colors.parse("white")).isEqualTo(Color.WHITE);
        assertThat(Colors.parse(" Light-Grey ")).isEqualTo(new Color(0xD3D3D3));
        assertThat(Colors.isTransparent(Colors.parse("transparent"))).isTrue();
        assertThat(Colors.isTransparent(Colors.parse("black"))).isFalse();
        assertThat(Colors.toHex(new Color(1, 2, 255))).isEqualTo("#0102ff");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "#12345", "#GGGGGG", "FF8000", "chartreuse-ish"})
    void rejectsWhatIsNotAColour(String text) {
        assertThatThrownBy(() -> Colors.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void positionsByNameAndTheirOffsets() {
        assertThat(Position.parse("center")).isEqualTo(Position.CENTER);
        assertThat(Position.parse("centre")).isEqualTo(Position.CENTER);
        assertThat(Position.parse("Bottom")).isEqualTo(Position.BOTTOM);
        assertThat(Position.parse("top-left")).isEqualTo(Position.TOP_LEFT);
        assertThat(Position.parse("bottom_right")).isEqualTo(Position.BOTTOM_RIGHT);
        assertThatThrownBy(() -> Position.parse("middle-ish")).isInstanceOf(IllegalArgumentException.class);

        assertThat(Position.CENTER.offsetX(21)).isEqualTo(10);
        assertThat(Position.BOTTOM.offsetY(21)).isEqualTo(21);
        assertThat(Position.BOTTOM.offsetX(21)).isEqualTo(10);
        assertThat(Position.TOP_LEFT.offsetY(21)).isZero();
        assertThat(Position.RIGHT.offsetX(21)).isEqualTo(21);
    }

    @Test
    void canvasSizes() {
        assertThat(Canvas.parse("1000x800", Position.CENTER)).isEqualTo(new Canvas(1000, 800, Position.CENTER));
        assertThat(Canvas.parse(" 64 X 32 ", Position.BOTTOM)).isEqualTo(new Canvas(64, 32, Position.BOTTOM));
        assertThatThrownBy(() -> Canvas.parse("1000", Position.CENTER)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Canvas.parse("0x10", Position.CENTER)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Canvas.parse("axb", Position.CENTER)).isInstanceOf(IllegalArgumentException.class);
    }
}

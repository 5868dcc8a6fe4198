package dev.cutout.common.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class WireFormatTest {

  @Test
  void headerIsMagicZeroThenBigEndianId() {
    assertThat(WireFormat.header(1)).containsExactly(0x00, 0x00, 0x00, 0x00, 0x01);
    assertThat(WireFormat.header(0x01020304)).containsExactly(0x00, 0x01, 0x02, 0x03, 0x04);
    assertThat(WireFormat.header(Integer.MAX_VALUE)).containsExactly(0x00, 0x7f, 0xff, 0xff, 0xff);
  }

  @Test
  void schemaIdIsReadBigEndian() {
    assertThat(WireFormat.schemaId(bytes(0x00, 0x01, 0x02, 0x03, 0x04, 0x0c))).isEqualTo(0x01020304);
    assertThat(WireFormat.schemaId(bytes(0x00, 0x00, 0x00, 0x01, 0x00))).isEqualTo(256);
  }

  @Test
  void badMagicByteIsRefusedWithItsValue() {
    assertThatThrownBy(() -> WireFormat.schemaId(bytes(0x7b, 0x22, 0x61, 0x22, 0x3a, 0x31, 0x7d)))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("Unknown magic byte 0x7b");
  }

  @Test
  void payloadShorterThanTheHeaderIsRefused() {
    assertThatThrownBy(() -> WireFormat.schemaId(bytes(0x00, 0x00, 0x01)))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("3 bytes is too short");
  }

  static byte[] bytes(int... values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) values[i];
    }
    return bytes;
  }
}

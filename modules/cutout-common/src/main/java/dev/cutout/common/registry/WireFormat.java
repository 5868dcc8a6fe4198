package dev.cutout.common.registry;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Confluent's wire format for schema-registry-encoded records: one magic byte 0x00, the
 * schema id as a 4-byte big-endian int, then the Avro binary encoding of the record.
 */
public final class WireFormat {

  public static final byte MAGIC_BYTE = 0x0;
  public static final int HEADER_SIZE = 5;

  private WireFormat() {}

  /** The five header bytes for {@code schemaId}. */
  public static byte[] header(int schemaId) {
    return ByteBuffer.allocate(HEADER_SIZE).put(MAGIC_BYTE).putInt(schemaId).array();
  }

  /**
   * The schema id in the header of {@code payload}.
   *
   * @throws SerializationException when the payload is too short or its magic byte is not 0x00
   */
  public static int schemaId(byte[] payload) {
    if (payload.length < HEADER_SIZE) {
      throw new SerializationException("Payload of " + payload.length
          + " bytes is too short for the schema registry wire format (header is " + HEADER_SIZE + " bytes)");
    }
    if (payload[0] != MAGIC_BYTE) {
      throw new SerializationException(String.format(
          "Unknown magic byte 0x%02x: payload is not in the schema registry wire format (expected 0x00)",
          payload[0]));
    }
    return ByteBuffer.wrap(payload, 1, 4).getInt();
  }
}

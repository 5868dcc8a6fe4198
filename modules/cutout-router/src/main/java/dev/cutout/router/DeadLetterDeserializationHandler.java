package dev.cutout.router;

import dev.cutout.common.dlq.DeadLetters;
import dev.cutout.events.DeadLetter;
import dev.cutout.events.DeadLetterReason;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Log and continue, with a dead letter: a record that does not decode (not in the wire format, an
 * unknown schema id, bytes that do not match the schema) is written to {@code <topic>.dlq} with its
 * topic, partition and offset, where its raw bytes stay for inspection and replay. When the dead
 * letter cannot be written, the task fails instead, so that no record is dropped silently.
 */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);
    private DeadLetterSink sink;

    @Override
    public void configure(Map<String, ?> configs) {
        sink = DeadLetterSink.from(configs);
    }

    @Override
    public DeserializationHandlerResponse handle(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
            Exception exception) {
        DeadLetterReason reason = String.valueOf(exception.getMessage()).contains("Unknown schema id")
                ? DeadLetterReason.UNKNOWN_SCHEMA : DeadLetterReason.DESERIALIZATION_FAILED;
        int size = record.value() == null ? 0 : record.value().length;
        DeadLetter letter = DeadLetters.of(RouterService.SERVICE, record.topic(), record.partition(), record.offset(),
                DeadLetters.keyText(record.key()), record.timestamp(), reason,
                "could not decode " + size + " value bytes (kept at the source offset): " + exception.getMessage(),
                exception);
        try {
            sink.send(letter);
        } catch (RuntimeException e) {
            LOG.error("could not write the dead letter of {}-{}@{}; failing", record.topic(), record.partition(),
                    record.offset(), e);
            return DeserializationHandlerResponse.FAIL;
        }
        LOG.warn("{}-{}@{} does not decode, sent to the DLQ: {}", record.topic(), record.partition(),
                record.offset(), exception.getMessage());
        return DeserializationHandlerResponse.CONTINUE;
    }
}

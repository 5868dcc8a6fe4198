package dev.cutout.common.dlq;

import dev.cutout.events.DeadLetter;
import dev.cutout.events.DeadLetterReason;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.record.RecordBatch;

/**
 * Builds {@link DeadLetter} events for records that cannot be processed. The letter names where the
 * record lies (topic, partition, offset) so an operator can find and replay it; the record's value is
 * not copied (claim check: set {@code payload} with {@link DeadLetter#newBuilder(DeadLetter)} after
 * storing the bytes, when they are worth keeping).
 */
public final class DeadLetters {

    private DeadLetters() {
    }

    /**
     * A letter for {@code failed}, tried once.
     *
     * @param service the service giving up, e.g. {@code cutout-verifier}
     * @param failed  the record as it was consumed; its key (String or UTF-8 bytes) becomes the letter's key
     * @param reason  reason code
     * @param message what went wrong, in words
     * @param cause   the exception behind it, or null
     */
    public static DeadLetter of(String service, ConsumerRecord<?, ?> failed, DeadLetterReason reason, String message,
            Throwable cause) {
        Long timestamp = failed.timestamp() == RecordBatch.NO_TIMESTAMP ? null : failed.timestamp();
        return of(service, failed.topic(), failed.partition(), failed.offset(), keyText(failed.key()), timestamp,
                reason, message, cause);
    }

    /**
     * A letter for the record at {@code topic}/{@code partition}/{@code offset}, tried once; for callers
     * that hold coordinates rather than a {@link ConsumerRecord} (Kafka Streams error handlers).
     *
     * @param key       the record's key (the photo id), or null
     * @param timestamp the record's timestamp in epoch milliseconds, or null when unknown
     */
    public static DeadLetter of(String service, String topic, int partition, long offset, String key, Long timestamp,
            DeadLetterReason reason, String message, Throwable cause) {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(reason, "reason");
        String text = message != null ? message : cause != null ? String.valueOf(cause.getMessage()) : reason.name();
        return DeadLetter.newBuilder()
                .setSourceTopic(topic)
                .setPartition(partition)
                .setOffset(offset)
                .setKey(key)
                .setReason(reason)
                .setMessage(text)
                .setExceptionClass(cause == null ? null : cause.getClass().getName())
                .setService(service)
                .setAttempts(1)
                .setRecordTimestamp(timestamp == null ? null : Instant.ofEpochMilli(timestamp))
                .setFailedAt(Instant.now())
                .build();
    }

    /** A record key as text: Strings as they are, byte arrays as UTF-8, anything else by toString. */
    public static String keyText(Object key) {
        if (key == null) {
            return null;
        }
        if (key instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return key.toString();
    }
}

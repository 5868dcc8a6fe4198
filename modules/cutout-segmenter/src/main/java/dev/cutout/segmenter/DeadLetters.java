package dev.cutout.segmenter;

import dev.cutout.events.DeadLetter;
import dev.cutout.events.DeadLetterReason;
import java.time.Instant;
import java.util.concurrent.Future;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends records the segmenter cannot process to {@code <source topic>.dlq}, keyed like the source record. */
public final class DeadLetters {

    public static final String DLQ_SUFFIX = ".dlq";

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final Producer<String, SpecificRecord> producer;
    private final String service;

    public DeadLetters(Producer<String, SpecificRecord> producer, String service) {
        this.producer = producer;
        this.service = service;
    }

    /** Where a record in the given position goes and why. */
    public record Origin(String topic, int partition, long offset, String key, Long timestamp) {
    }

    public Future<RecordMetadata> send(Origin origin, DeadLetterReason reason, String message, Throwable error) {
        DeadLetter letter = DeadLetter.newBuilder()
                .setSourceTopic(origin.topic())
                .setPartition(origin.partition())
                .setOffset(origin.offset())
                .setKey(origin.key())
                .setReason(reason)
                .setMessage(message == null ? reason.name() : message)
                .setExceptionClass(error == null ? null : error.getClass().getName())
                .setService(service)
                .setAttempts(1)
                .setPayload(null)
                .setRecordTimestamp(origin.timestamp() == null || origin.timestamp() < 0
                        ? null : Instant.ofEpochMilli(origin.timestamp()))
                .setFailedAt(Instant.now())
                .build();
        log.warn("dead letter {}-{}@{} key={}: {} {}", origin.topic(), origin.partition(), origin.offset(),
                origin.key(), reason, letter.getMessage());
        return producer.send(new ProducerRecord<>(origin.topic() + DLQ_SUFFIX, origin.key(), letter));
    }
}

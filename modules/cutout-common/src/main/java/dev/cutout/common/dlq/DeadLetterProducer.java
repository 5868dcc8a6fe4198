package dev.cutout.common.dlq;

import dev.cutout.common.topic.Topics;
import dev.cutout.events.DeadLetter;
import dev.cutout.events.DeadLetterReason;
import java.util.Objects;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Sends {@link DeadLetter}s to {@code <source topic>.dlq}, keyed by the failed record's key (the photo
 * id), so that all events of one photo, failed ones included, stay in one partition's order.
 *
 * <p>It writes through a producer it is given and does not own: a service can share the producer of
 * its normal output (values serialized with an {@code AvroSerializer}), and closes it itself.
 *
 * <pre>{@code
 * DeadLetterProducer dlq = new DeadLetterProducer(producer, "cutout-verifier");
 * dlq.send(record, DeadLetterReason.OBJECT_NOT_FOUND, "mask masks/p1.png is gone", e).get();
 * }</pre>
 */
public final class DeadLetterProducer {

    private final Producer<String, Object> producer;
    private final String service;

    /**
     * @param producer a producer whose value serializer accepts {@link DeadLetter}
     * @param service  the service that gives up on records, recorded in every letter
     */
    @SuppressWarnings("unchecked")
    public DeadLetterProducer(Producer<String, ? super DeadLetter> producer, String service) {
        this.producer = (Producer<String, Object>) Objects.requireNonNull(producer, "producer");
        this.service = Objects.requireNonNull(service, "service");
    }

    /** Builds a letter for {@code failed} (see {@link DeadLetters#of}) and sends it; wait on the future before committing. */
    public Future<RecordMetadata> send(ConsumerRecord<?, ?> failed, DeadLetterReason reason, String message,
            Throwable cause) {
        return send(DeadLetters.of(service, failed, reason, message, cause));
    }

    /** Sends a letter built elsewhere to the dead-letter topic of its source topic. */
    public Future<RecordMetadata> send(DeadLetter letter) {
        return producer.send(new ProducerRecord<>(Topics.dlqOf(letter.getSourceTopic()), letter.getKey(), letter));
    }

    /** The service named in the letters. */
    public String service() {
        return service;
    }
}

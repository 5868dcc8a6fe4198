package dev.cutout.router;

import dev.cutout.common.dlq.DeadLetterProducer;
import dev.cutout.common.registry.AvroSerializer;
import dev.cutout.common.registry.SchemaRegistryClient;
import dev.cutout.events.DeadLetter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Dead letters through an idempotent producer of their own. It is outside the router's transaction,
 * so a letter is written at least once: a task that fails after handling a record may write its
 * letter again on replay, with the same topic, partition and offset to tell them apart.
 */
public final class KafkaDeadLetterSink implements DeadLetterSink {

    private final KafkaProducer<String, DeadLetter> producer;
    private final DeadLetterProducer deadLetters;

    public KafkaDeadLetterSink(Map<String, Object> kafkaClientProperties, SchemaRegistryClient registry) {
        Map<String, Object> props = new HashMap<>(kafkaClientProperties);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(props, new StringSerializer(), new AvroSerializer<>(registry));
        deadLetters = new DeadLetterProducer(producer, RouterService.SERVICE);
    }

    @Override
    public void send(DeadLetter letter) {
        try {
            deadLetters.send(letter).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while writing a dead letter", e);
        } catch (ExecutionException e) {
            throw new KafkaException("could not write a dead letter for " + letter.getSourceTopic() + "-"
                    + letter.getPartition() + "@" + letter.getOffset(), e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}

package dev.cutout.cli;

import dev.cutout.common.registry.AvroDeserializer;
import dev.cutout.common.registry.SchemaRegistryClient;
import dev.cutout.common.topic.Topic;
import dev.cutout.common.topic.Topics;
import dev.cutout.events.DeadLetter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads where photos end: cutouts.published, review.requests and every dead-letter topic, all keyed by
 * photo id. Partitions are assigned, not subscribed, and nothing is committed: the reader starts at the end
 * offsets of the moment it is created (before the uploads), and no group rebalance delays the first poll.
 */
final class OutcomeFollower implements AutoCloseable {

    enum Kind { PUBLISHED, REVIEW, REJECTED }

    /** One photo's end; {@code timestampMs} is the outcome record's timestamp, {@code reason} only for REJECTED. */
    record Outcome(String photoId, Kind kind, String reason, long timestampMs) {
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final AvroDeserializer<DeadLetter> letters;

    OutcomeFollower(String bootstrapServers, String registryUrl, Duration timeout) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "cutout-ingest-follower",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis()),
                new StringDeserializer(), new ByteArrayDeserializer());
        letters = new AvroDeserializer<>(new SchemaRegistryClient(registryUrl), DeadLetter.class);
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            for (Map.Entry<String, List<PartitionInfo>> topic : consumer.listTopics(timeout).entrySet()) {
                if (isOutcomeTopic(topic.getKey())) {
                    topic.getValue().forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
                }
            }
            if (partitions.isEmpty()) {
                throw new UserError("Kafka at " + bootstrapServers + " has no " + Topics.CUTOUTS_PUBLISHED.name()
                        + " topic; is it a Cutout stack?");
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            // seekToEnd is lazy; position() fixes the offsets now, before anything is uploaded.
            partitions.forEach(p -> consumer.position(p, timeout));
        } catch (TimeoutException e) {
            consumer.close(Duration.ZERO);
            throw new UserError("no Kafka broker answered at " + bootstrapServers + " within " + timeout.toMillis()
                    + " ms; is `./cutout up` running? (or pass --bootstrap-servers)", e);
        } catch (RuntimeException e) {
            consumer.close(Duration.ZERO);
            throw e;
        }
    }

    static boolean isOutcomeTopic(String name) {
        return name.equals(Topics.CUTOUTS_PUBLISHED.name()) || name.equals(Topics.REVIEW_REQUESTS.name())
                || name.endsWith(Topic.DLQ_SUFFIX);
    }

    /**
     * Reads the outcome topics from their beginning: a photo the stack had seen before (a duplicate upload)
     * reached its outcome before this reader started.
     */
    void rewind() {
        Set<TopicPartition> assigned = consumer.assignment();
        consumer.seekToBeginning(assigned);
    }

    List<Outcome> poll(Duration wait) {
        List<Outcome> outcomes = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : consumer.poll(wait)) {
            if (record.key() == null) {
                continue;
            }
            String topic = record.topic();
            if (topic.equals(Topics.CUTOUTS_PUBLISHED.name())) {
                outcomes.add(new Outcome(record.key(), Kind.PUBLISHED, null, record.timestamp()));
            } else if (topic.equals(Topics.REVIEW_REQUESTS.name())) {
                outcomes.add(new Outcome(record.key(), Kind.REVIEW, null, record.timestamp()));
            } else {
                outcomes.add(new Outcome(record.key(), Kind.REJECTED, reason(record), record.timestamp()));
            }
        }
        return outcomes;
    }

    private String reason(ConsumerRecord<String, byte[]> record) {
        try {
            DeadLetter letter = letters.deserialize(record.topic(), record.value());
            return letter.getReason() + " on " + record.topic() + ": " + letter.getMessage();
        } catch (RuntimeException e) {
            return "dead letter on " + record.topic() + " (unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(1));
    }
}

package dev.cutout.segmenter;

import dev.cutout.common.registry.AvroSerializer;
import dev.cutout.common.registry.SchemaRegistryClient;
import dev.cutout.common.topic.Topics;
import dev.cutout.events.ModelReleased;
import dev.cutout.events.PhotoIngested;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The segmenter's Kafka clients, with the settings its delivery rules rest on over the configured ones. */
final class SegmenterClients {

    private SegmenterClients() {
    }

    /** Masks, events and dead letters: idempotent, acknowledged by all replicas. */
    static KafkaProducer<String, SpecificRecord> producer(SegmenterConfig config, SchemaRegistryClient registry) {
        Map<String, Object> props = new HashMap<>(config.kafkaClientProperties());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, config.groupId() + "-producer");
        return new KafkaProducer<>(props, new StringSerializer(), new AvroSerializer<>(registry));
    }

    /** photos.ingested, in the segmenter's group, with offsets committed by the service only. */
    static KafkaConsumer<String, PhotoIngested> photoConsumer(SegmenterConfig config, SchemaRegistryClient registry) {
        Map<String, Object> props = new HashMap<>(config.kafkaClientProperties());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // One poll never brings in more than the in-flight bound, so the buffer stays bounded.
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Math.max(config.maxBatchSize(), config.maxInFlight()));
        return new KafkaConsumer<>(props, new StringDeserializer(), Topics.PHOTOS_INGESTED.deserializer(registry));
    }

    /** models.released, outside any group: every instance reads every release. */
    static KafkaConsumer<String, ModelReleased> releaseConsumer(SegmenterConfig config,
                                                               SchemaRegistryClient registry) {
        Map<String, Object> props = new HashMap<>(config.kafkaClientProperties());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return new KafkaConsumer<>(props, new StringDeserializer(), Topics.MODELS_RELEASED.deserializer(registry));
    }
}

package dev.cutout.common.topic;

import dev.cutout.common.registry.AvroDeserializer;
import dev.cutout.common.registry.AvroSerde;
import dev.cutout.common.registry.AvroSerializer;
import dev.cutout.common.registry.SchemaRegistryClient;
import dev.cutout.events.DeadLetter;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;

/**
 * A Kafka topic of the Cutout flow and the event class its values hold. Keys are always the photo id
 * (or, for models.released and training.runs, the model name and run id) as a UTF-8 string.
 *
 * <pre>{@code
 * Serde<MaskScored> serde = Topics.MASKS_SCORED.serde(registry);
 * producer.send(new ProducerRecord<>(Topics.MASKS_SCORED.name(), photoId, scored));
 * }</pre>
 *
 * @param name      the topic's name, e.g. {@code masks.scored}
 * @param valueType the generated Avro class of its values
 * @param <V>       the value type
 */
public record Topic<V extends SpecificRecord>(String name, Class<V> valueType) {

    /** Suffix that turns a topic's name into the name of its dead-letter topic. */
    public static final String DLQ_SUFFIX = ".dlq";

    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(valueType, "valueType");
        if (name.isBlank()) {
            throw new IllegalArgumentException("topic name must not be blank");
        }
    }

    /** Name of this topic's dead-letter topic: {@code <name>.dlq}. */
    public String dlqName() {
        return name + DLQ_SUFFIX;
    }

    /** This topic's dead-letter topic, whose values are {@link DeadLetter}s keyed like this topic. */
    public Topic<DeadLetter> dlq() {
        return new Topic<>(dlqName(), DeadLetter.class);
    }

    /** Whether this is a dead-letter topic. */
    public boolean isDlq() {
        return name.endsWith(DLQ_SUFFIX);
    }

    /**
     * A value serde for this topic (subject {@code <name>-value}) that registers schemas on first use
     * and reads any registered writer version into {@link #valueType()}.
     */
    public AvroSerde<V> serde(SchemaRegistryClient registry) {
        return new AvroSerde<>(registry, valueType);
    }

    /** A value serializer for this topic that registers the schema on first use. */
    public AvroSerializer<V> serializer(SchemaRegistryClient registry) {
        return new AvroSerializer<>(registry);
    }

    /** A value deserializer for this topic that reads into {@link #valueType()}. */
    public AvroDeserializer<V> deserializer(SchemaRegistryClient registry) {
        return new AvroDeserializer<>(registry, valueType);
    }

    @Override
    public String toString() {
        return name;
    }
}

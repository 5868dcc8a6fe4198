package dev.cutout.segmenter;

import dev.cutout.events.PhotoIngested;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Photos inferred together, bound at dispatch to the model they run on: a model swap takes effect
 * between batches, never inside one.
 */
public record Batch(List<ConsumerRecord<String, PhotoIngested>> records, ModelHandle model, long dispatchedAtMillis) {
}

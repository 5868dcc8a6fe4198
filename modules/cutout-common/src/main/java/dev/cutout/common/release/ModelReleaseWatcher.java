package dev.cutout.common.release;

import dev.cutout.common.dlq.DeadLetterProducer;
import dev.cutout.common.dlq.DeadLetters;
import dev.cutout.common.topic.Topic;
import dev.cutout.events.DeadLetterReason;
import dev.cutout.events.ModelKind;
import dev.cutout.events.ModelReleased;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.IntSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows models.released from its beginning (a compacted topic: the latest release per model name) and
 * hands every release of one kind and name that is newer than the model in use to a loader. Loading
 * happens on this thread, so the service's work carries on meanwhile. Without a consumer group: every
 * instance reads every release. A release that cannot be loaded goes to the DLQ and the service stays
 * on its model.
 */
public final class ModelReleaseWatcher implements Runnable {

    /** Loads a release and hands it to the service; throws when the release is unusable. */
    @FunctionalInterface
    public interface Loader {
        void load(ModelReleased release) throws Exception;
    }

    private static final Logger log = LoggerFactory.getLogger(ModelReleaseWatcher.class);

    private final KafkaConsumer<String, ModelReleased> consumer;
    private final Topic<ModelReleased> topic;
    private final ModelKind kind;
    private final String modelName;
    private final IntSupplier versionInUse;
    private final Loader loader;
    private final DeadLetterProducer deadLetters;
    private volatile boolean stopping;

    public ModelReleaseWatcher(KafkaConsumer<String, ModelReleased> consumer, Topic<ModelReleased> topic,
            ModelKind kind, String modelName, IntSupplier versionInUse, Loader loader,
            DeadLetterProducer deadLetters) {
        this.consumer = consumer;
        this.topic = topic;
        this.kind = kind;
        this.modelName = modelName;
        this.versionInUse = versionInUse;
        this.loader = loader;
        this.deadLetters = deadLetters;
    }

    public void stop() {
        stopping = true;
        consumer.wakeup();
    }

    @Override
    public void run() {
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                    .map(p -> new TopicPartition(topic.name(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            int newestSeen = versionInUse.getAsInt();
            while (!stopping) {
                try {
                    for (ConsumerRecord<String, ModelReleased> record : consumer.poll(Duration.ofMillis(500))) {
                        newestSeen = consider(record, newestSeen);
                    }
                } catch (RecordDeserializationException e) {
                    skipUnreadable(e);
                }
            }
        } catch (WakeupException e) {
            if (!stopping) {
                log.error("model release watcher woken up unexpectedly", e);
            }
        } catch (RuntimeException e) {
            log.error("model release watcher stopped: no more hot swaps until a restart", e);
        } finally {
            consumer.close(Duration.ZERO);
        }
    }

    private int consider(ConsumerRecord<String, ModelReleased> record, int newestSeen) {
        ModelReleased release = record.value();
        if (release == null || release.getKind() != kind || !modelName.equals(release.getModel().getName())) {
            return newestSeen;
        }
        int version = release.getModel().getVersion();
        if (version <= newestSeen || version <= versionInUse.getAsInt()) {
            return newestSeen;
        }
        try {
            loader.load(release);
            return version;
        } catch (Exception e) {
            log.error("could not load released {} model {}:{}; staying on {}", kind, modelName, version,
                    versionInUse.getAsInt(), e);
            deadLetter(record, e);
            return newestSeen;
        }
    }

    private void deadLetter(ConsumerRecord<String, ModelReleased> record, Exception e) {
        try {
            deadLetters.send(record, DeadLetterReason.PROCESSING_FAILED, "model not loadable: " + e, e).get();
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException ee) {
            log.error("could not write the dead letter of {}", record.key(), ee);
        }
    }

    private void skipUnreadable(RecordDeserializationException e) {
        String key = e.keyBuffer() == null ? null : StandardCharsets.UTF_8.decode(e.keyBuffer().duplicate()).toString();
        try {
            deadLetters.send(DeadLetters.of(deadLetters.service(), e.topicPartition().topic(),
                    e.topicPartition().partition(), e.offset(), key, e.timestamp() < 0 ? null : e.timestamp(),
                    DeadLetterReason.DESERIALIZATION_FAILED, e.getMessage(), e)).get();
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException ee) {
            log.error("could not write the dead letter of an unreadable release", ee);
        }
        consumer.seek(e.topicPartition(), e.offset() + 1);
    }
}

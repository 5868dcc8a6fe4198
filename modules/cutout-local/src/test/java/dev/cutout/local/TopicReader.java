package dev.cutout.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads a whole topic from its beginning into a growing list, for ITs that wait for a service's output.
 * Shared with the service modules' ITs through this module's test jar.
 */
public final class TopicReader<T> implements AutoCloseable {

    private final KafkaConsumer<String, T> consumer;
    /** Everything read so far, in the order it was polled. */
    public final List<ConsumerRecord<String, T>> records = new ArrayList<>();

    /** Takes over {@code consumer} (without a group) and assigns it every partition of {@code topic}. */
    public TopicReader(KafkaConsumer<String, T> consumer, String topic) {
        this.consumer = consumer;
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Polls until {@code done} holds for what was read so far, or fails after {@code timeout}. */
    public List<ConsumerRecord<String, T>> until(Predicate<List<ConsumerRecord<String, T>>> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.test(records)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out; read so far: " + records.size() + " records: "
                        + records.stream().map(ConsumerRecord::key).toList());
            }
            consumer.poll(Duration.ofMillis(100)).forEach(records::add);
        }
        return records;
    }

    /** Reads whatever else arrives within {@code quiet}. */
    public List<ConsumerRecord<String, T>> settle(Duration quiet) {
        long deadline = System.nanoTime() + quiet.toNanos();
        while (System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(100)).forEach(records::add);
        }
        return records;
    }

    @Override
    public void close() {
        consumer.close(Duration.ZERO);
    }
}

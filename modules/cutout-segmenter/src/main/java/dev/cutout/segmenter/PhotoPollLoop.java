package dev.cutout.segmenter;

import dev.cutout.common.dlq.DeadLetterProducer;
import dev.cutout.common.dlq.DeadLetters;
import dev.cutout.common.topic.Topics;
import dev.cutout.events.DeadLetterReason;
import dev.cutout.events.PhotoIngested;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The poll thread: the only thread that touches the photos.ingested consumer (Kafka consumers are not
 * thread-safe). Each step swaps in an offered model, takes back finished batches, commits what is done,
 * dispatches the batches that are ready, pauses or resumes the partitions, and polls for more.
 */
final class PhotoPollLoop implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(PhotoPollLoop.class);
    private static final long IDLE_POLL_MILLIS = 200;
    private static final long BUSY_POLL_MILLIS = 10;

    private final KafkaConsumer<String, PhotoIngested> consumer;
    private final OffsetTracker offsets;
    private final BatchDispatcher dispatcher;
    private final PartitionPauser pauser;
    private final CurrentModel models;
    private final DeadLetterProducer deadLetters;
    private final Duration shutdownTimeout;
    private final OffsetCommitter committer;
    private final CommittingRebalanceListener rebalanceListener;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean stopping;
    private volatile boolean aborting;
    private volatile Throwable failure;

    PhotoPollLoop(KafkaConsumer<String, PhotoIngested> consumer, OffsetTracker offsets, BatchDispatcher dispatcher,
                  PartitionPauser pauser, CurrentModel models, DeadLetterProducer deadLetters,
                  Duration shutdownTimeout) {
        this.consumer = consumer;
        this.offsets = offsets;
        this.dispatcher = dispatcher;
        this.pauser = pauser;
        this.models = models;
        this.deadLetters = deadLetters;
        this.shutdownTimeout = shutdownTimeout;
        this.committer = new OffsetCommitter(consumer, offsets);
        this.rebalanceListener = new CommittingRebalanceListener(dispatcher, offsets, committer, pauser,
                shutdownTimeout, () -> aborting);
    }

    /** Stops polling; the batches in flight are finished and committed before the consumer closes. */
    void stop() {
        stopping = true;
        consumer.wakeup();
    }

    /** Stops polling and commits nothing more, as a crash would. */
    void abort() {
        aborting = true;
        stopping = true;
        consumer.wakeup();
    }

    boolean running() {
        return stopped.getCount() > 0;
    }

    /** Why the loop stopped by itself, if it did. */
    Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    boolean awaitStop(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(Topics.PHOTOS_INGESTED.name()), rebalanceListener);
            while (!stopping) {
                step();
            }
            if (!aborting) {
                dispatcher.awaitOutstanding(System.currentTimeMillis() + shutdownTimeout.toMillis());
                committer.commitDone();
            }
        } catch (WakeupException e) {
            if (!stopping) {
                failure = e;
            }
        } catch (Throwable e) {
            failure = e;
            log.error("segmenter stopped: uncommitted records are read again after a restart", e);
        } finally {
            try {
                // Even an abort leaves the group, so that a restart need not wait out the session timeout.
                consumer.close(aborting ? Duration.ofMillis(500) : Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                log.warn("consumer did not close cleanly: {}", e.toString());
            }
            stopped.countDown();
        }
    }

    private void step() throws ExecutionException, InterruptedException {
        models.applyOffer();
        dispatcher.drainOutcomes();
        committer.commitDone();
        long now = System.currentTimeMillis();
        dispatcher.dispatchReady(now);
        pauser.update();
        long timeout = dispatcher.outstanding() > 0
                ? BUSY_POLL_MILLIS
                : Math.max(1, dispatcher.millisUntilDue(now, IDLE_POLL_MILLIS));
        ConsumerRecords<String, PhotoIngested> records;
        try {
            records = consumer.poll(Duration.ofMillis(Math.min(timeout, IDLE_POLL_MILLIS)));
        } catch (RecordDeserializationException e) {
            skipUnreadable(e);
            return;
        } catch (WakeupException e) {
            if (stopping) {
                return;
            }
            throw e;
        }
        long received = System.currentTimeMillis();
        for (ConsumerRecord<String, PhotoIngested> record : records) {
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            offsets.register(partition, record.offset());
            if (record.value() == null) {
                log.warn("dead letter {}-{}@{} key={}: record without a value", record.topic(), record.partition(),
                        record.offset(), record.key());
                deadLetters.send(record, DeadLetterReason.INVALID_EVENT, "record without a value", null).get();
                offsets.done(partition, record.offset());
            } else {
                dispatcher.buffer(record, received);
            }
        }
        // Partitions assigned while paused start paused too.
        pauser.keepPaused(consumer.assignment());
    }

    private void skipUnreadable(RecordDeserializationException e) throws ExecutionException, InterruptedException {
        TopicPartition partition = e.topicPartition();
        String key = e.keyBuffer() == null ? null : StandardCharsets.UTF_8.decode(e.keyBuffer().duplicate()).toString();
        log.warn("dead letter {}@{} key={}: {}", partition, e.offset(), key, e.getMessage());
        deadLetters.send(DeadLetters.of(deadLetters.service(), partition.topic(), partition.partition(), e.offset(), key,
                e.timestamp() < 0 ? null : e.timestamp(), DeadLetterReason.DESERIALIZATION_FAILED, e.getMessage(),
                e.getCause())).get();
        offsets.register(partition, e.offset());
        offsets.done(partition, e.offset());
        consumer.seek(partition, e.offset() + 1);
    }
}

package dev.cutout.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cutout.common.registry.AvroSerializer;
import dev.cutout.common.registry.SchemaRegistryClient;
import dev.cutout.common.topic.Topic;
import dev.cutout.common.topic.Topics;
import dev.cutout.events.ApprovalSource;
import dev.cutout.events.CutoutApproved;
import dev.cutout.events.DatasetSample;
import dev.cutout.events.DeadLetter;
import dev.cutout.events.DeadLetterReason;
import dev.cutout.events.LabelSource;
import dev.cutout.events.MaskScored;
import dev.cutout.events.ModelRef;
import dev.cutout.events.ObjectRef;
import dev.cutout.events.ProductCluster;
import dev.cutout.events.QualityReason;
import dev.cutout.events.ReviewDecision;
import dev.cutout.events.ReviewOutcome;
import dev.cutout.events.ReviewRequested;
import dev.cutout.events.StudioMetadata;
import dev.cutout.local.LocalStack;
import dev.cutout.local.LocalStackConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The router on a real broker, schema registry and exactly-once v2. The outputs are read as a downstream
 * service reads them, read_committed, and only once the router has committed every input offset: under
 * exactly-once the outputs of an input are committed in the same transaction as its offset (its dead
 * letter, written outside the transaction, is acknowledged before that), so at that point they are all
 * visible, and anything more (a repeat) would be visible too.
 */
class RouterServiceIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final Instant SCORED_AT = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private static final Instant DECIDED_AT = SCORED_AT.plusSeconds(60);
    private static final List<Topic<?>> INPUTS = List.of(Topics.MASKS_SCORED, Topics.REVIEW_DECISIONS);
    private static final List<Topic<?>> OUTPUTS = List.of(Topics.CUTOUTS_APPROVED, Topics.REVIEW_REQUESTS,
            Topics.DATASET_SAMPLES, Topics.MASKS_SCORED.dlq(), Topics.REVIEW_DECISIONS.dlq());

    @TempDir
    static Path stackDir;

    private static LocalStack stack;
    private static SchemaRegistryClient registry;
    private static KafkaProducer<String, SpecificRecord> events;
    private static KafkaProducer<String, byte[]> raw;

    @TempDir
    Path stateDir;

    @BeforeAll
    static void startStack() {
        stack = LocalStack.start(LocalStackConfig.onFreePorts(stackDir));
        registry = new SchemaRegistryClient(stack.endpoints().schemaRegistryUrl());
        Map<String, Object> props = Map.of("bootstrap.servers", stack.endpoints().bootstrapServers());
        events = new KafkaProducer<>(props, new StringSerializer(), new AvroSerializer<>(registry));
        raw = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void stopStack() {
        if (events != null) {
            events.close(Duration.ofSeconds(2));
            raw.close(Duration.ofSeconds(2));
        }
        if (stack != null) {
            stack.close();
        }
    }

    /** Each test starts on empty router topics (and its own application id), so it sees only its records. */
    @BeforeEach
    void emptyTheRoutersTopics() throws Exception {
        try (Admin admin = admin()) {
            List<String> names = new ArrayList<>();
            INPUTS.forEach(topic -> names.add(topic.name()));
            OUTPUTS.forEach(topic -> names.add(topic.name()));
            Map<TopicPartition, RecordsToDelete> all = new HashMap<>();
            endOffsets(admin, names).forEach((partition, end) -> all.put(partition, RecordsToDelete.beforeOffset(end)));
            admin.deleteRecords(all).all().get();
        }
    }

    @Test
    void routesEveryEventOnceAndSendsWhatItCannotUseToTheDeadLetterTopic() throws Exception {
        send(Topics.MASKS_SCORED, "high", scored("high", 0.95));
        send(Topics.MASKS_SCORED, "low", scored("low", 0.5));
        send(Topics.MASKS_SCORED, "confident", scored("confident", 0.98));
        send(Topics.REVIEW_DECISIONS, "accepted", decision("accepted", ReviewOutcome.ACCEPTED, null));
        send(Topics.REVIEW_DECISIONS, "corrected",
                decision("corrected", ReviewOutcome.CORRECTED, ref("masks", "corrected/by-hand.png")));
        send(Topics.REVIEW_DECISIONS, "rejected", decision("rejected", ReviewOutcome.REJECTED, null));
        RecordMetadata poison = raw.send(new ProducerRecord<>(Topics.MASKS_SCORED.name(), "poison",
                "not avro at all".getBytes(StandardCharsets.UTF_8))).get();
        send(Topics.MASKS_SCORED, "out-of-range", scored("out-of-range", 1.5));
        Set<String> inputKeys = Set.of("high", "low", "confident", "accepted", "corrected", "rejected", "poison",
                "out-of-range");

        String applicationId = "router-it-routes";
        try (RouterService router = new RouterService(config(applicationId), registry).start()) {
            awaitEveryInputCommitted(applicationId, 8);

            Map<String, CutoutApproved> approved = readCommitted(Topics.CUTOUTS_APPROVED);
            assertThat(approved.keySet()).containsExactlyInAnyOrder("high", "confident", "accepted", "corrected");
            assertThat(approved).allSatisfy((key, approval) -> assertThat(approval.getPhotoId()).isEqualTo(key));
            assertThat(approved.get("high").getApproval()).isEqualTo(ApprovalSource.AUTOMATIC);
            assertThat(approved.get("high").getScore()).isEqualTo(0.95);
            assertThat(approved.get("high").getApprovedAt()).isEqualTo(SCORED_AT);
            assertThat(approved.get("confident").getApproval()).isEqualTo(ApprovalSource.AUTOMATIC);
            assertThat(approved.get("accepted").getApproval()).isEqualTo(ApprovalSource.REVIEW_ACCEPTED);
            assertThat(approved.get("accepted").getMask().getKey()).isEqualTo("accepted/u2netp-3.png");
            assertThat(approved.get("accepted").getReviewId()).isEqualTo("accepted:u2netp-3");
            assertThat(approved.get("corrected").getApproval()).isEqualTo(ApprovalSource.REVIEW_CORRECTED);
            assertThat(approved.get("corrected").getMask().getKey()).isEqualTo("corrected/by-hand.png");

            Map<String, ReviewRequested> reviews = readCommitted(Topics.REVIEW_REQUESTS);
            assertThat(reviews.keySet()).containsExactly("low");
            ReviewRequested review = reviews.get("low");
            assertThat(review.getReviewId()).isEqualTo("low:u2netp-3");
            assertThat(review.getScore()).isEqualTo(0.5);
            assertThat(review.getPublishThreshold()).isEqualTo(0.9);
            assertThat(review.getReasons()).containsExactly(QualityReason.HOLES);

            Map<String, DatasetSample> samples = readCommitted(Topics.DATASET_SAMPLES);
            assertThat(samples.keySet()).containsExactlyInAnyOrder("confident", "corrected");
            assertThat(samples.get("confident").getLabelSource()).isEqualTo(LabelSource.MODEL);
            assertThat(samples.get("confident").getSampleId()).isEqualTo("confident:confident/u2netp-3.png");
            assertThat(samples.get("corrected").getLabelSource()).isEqualTo(LabelSource.HUMAN);
            assertThat(samples.get("corrected").getMask().getKey()).isEqualTo("corrected/by-hand.png");
            assertThat(samples.get("corrected").getReviewer()).isEqualTo("ana");

            Map<String, DeadLetter> dead = readCommitted(Topics.MASKS_SCORED.dlq());
            assertThat(dead.keySet()).containsExactlyInAnyOrder("poison", "out-of-range");
            DeadLetter undecodable = dead.get("poison");
            assertThat(undecodable.getReason()).isEqualTo(DeadLetterReason.DESERIALIZATION_FAILED);
            assertThat(undecodable.getSourceTopic()).isEqualTo(Topics.MASKS_SCORED.name());
            assertThat(undecodable.getPartition()).isEqualTo(poison.partition());
            assertThat(undecodable.getOffset()).isEqualTo(poison.offset());
            assertThat(undecodable.getService()).isEqualTo(RouterService.SERVICE);
            assertThat(dead.get("out-of-range").getReason()).isEqualTo(DeadLetterReason.INVALID_EVENT);
            assertThat(readCommitted(Topics.REVIEW_DECISIONS.dlq())).isEmpty();

            List<String> reshoot = awaitReshootList(router);
            assertThat(reshoot).containsExactly("rejected");

            // Nothing is lost: every input ends as an approval, a review request, a dead letter or a re-shoot.
            Set<String> accountedFor = new HashSet<>(approved.keySet());
            accountedFor.addAll(reviews.keySet());
            accountedFor.addAll(dead.keySet());
            accountedFor.addAll(reshoot);
            assertThat(accountedFor).isEqualTo(inputKeys);
        }
    }

    @Test
    void aRestartedRouterGoesOnAfterItsCommittedInputsWithoutRepeatingOutputs() throws Exception {
        // Kafka Streams does not leave its group on close: the second instance gets the partitions once
        // the first one's session has timed out, which is 45 s by default.
        RouterConfig config = config("router-it-restart", Map.of("kafka.session.timeout.ms", 6000,
                "kafka.heartbeat.interval.ms", 1000));
        send(Topics.MASKS_SCORED, "first", scored("first", 0.95));
        send(Topics.REVIEW_DECISIONS, "dropped", decision("dropped", ReviewOutcome.REJECTED, null));
        try (RouterService router = new RouterService(config, registry).start()) {
            awaitEveryInputCommitted(config.applicationId(), 2);
        }

        send(Topics.MASKS_SCORED, "second", scored("second", 0.95));
        send(Topics.MASKS_SCORED, "third", scored("third", 0.5));
        try (RouterService router = new RouterService(config, registry).start()) {
            awaitEveryInputCommitted(config.applicationId(), 4);

            assertThat(readCommitted(Topics.CUTOUTS_APPROVED).keySet()).containsExactlyInAnyOrder("first", "second");
            assertThat(readCommitted(Topics.REVIEW_REQUESTS).keySet()).containsExactly("third");
            assertThat(readCommitted(Topics.DATASET_SAMPLES)).isEmpty();
            assertThat(awaitReshootList(router)).as("the re-shoot list survives the restart").containsExactly("dropped");
        }
    }

    private RouterConfig config(String applicationId) {
        return config(applicationId, Map.of());
    }

    private RouterConfig config(String applicationId, Map<String, ?> overrides) {
        Map<String, Object> values = new HashMap<>(stack.endpoints().asConfig());
        values.put(RouterConfig.APPLICATION_ID, applicationId);
        values.put(RouterConfig.STATE_DIR, stateDir.toString());
        values.put(RouterConfig.PUBLISH_THRESHOLD, "0.9");
        values.put(RouterConfig.DATASET_THRESHOLD, "0.97");
        values.putAll(overrides);
        return new RouterConfig(values);
    }

    private static <V extends SpecificRecord> void send(Topic<V> topic, String key, V value) throws Exception {
        events.send(new ProducerRecord<>(topic.name(), key, value)).get();
    }

    /**
     * Waits until the router's group has committed, on every input partition, the end of what was sent:
     * {@code expected} records in all, counted from the log start, which the test emptied.
     */
    private static void awaitEveryInputCommitted(String applicationId, long expected) throws Exception {
        List<String> inputs = INPUTS.stream().map(Topic::name).toList();
        try (Admin admin = admin()) {
            Map<TopicPartition, Long> starts = offsets(admin, inputs, OffsetSpec.earliest());
            Map<TopicPartition, Long> ends = offsets(admin, inputs, OffsetSpec.latest());
            assertThat(ends.keySet().stream().mapToLong(p -> ends.get(p) - starts.get(p)).sum())
                    .as("records sent to the inputs").isEqualTo(expected);
            await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
                        .partitionsToOffsetAndMetadata().get();
                ends.forEach((partition, end) -> {
                    if (end > starts.get(partition)) {
                        assertThat(committed.get(partition)).as("committed offset of %s", partition).isNotNull()
                                .extracting(OffsetAndMetadata::offset).isEqualTo(end);
                    }
                });
            });
        }
    }

    /**
     * Every committed record of {@code topic}, by key; fails on a key seen twice, which would be a repeat.
     * A read_committed consumer's end offsets stop at the last stable offset, so reading up to them reads
     * every committed record and no aborted one.
     */
    private static <V extends SpecificRecord> Map<String, V> readCommitted(Topic<V> topic) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.endpoints().bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                topic.deserializer(registry))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                    .map(p -> new TopicPartition(topic.name(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, V>> records = new ArrayList<>();
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end; read " + records.size());
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records.stream().collect(Collectors.toMap(ConsumerRecord::key, ConsumerRecord::value,
                    (first, repeat) -> {
                        throw new AssertionError(topic + " holds a key twice: " + first + " and " + repeat);
                    }));
        }
    }

    /** The photo ids on the re-shoot list, once its store answers (it does not while the streams start). */
    private static List<String> awaitReshootList(RouterService router) {
        return await().atMost(TIMEOUT).ignoreExceptions().until(
                () -> router.reshootList().stream().map(entry -> entry.key).toList(), ids -> !ids.isEmpty());
    }

    private static Admin admin() {
        return Admin.create(Map.of("bootstrap.servers", stack.endpoints().bootstrapServers()));
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, List<String> topics) throws Exception {
        return offsets(admin, topics, OffsetSpec.latest());
    }

    private static Map<TopicPartition, Long> offsets(Admin admin, List<String> topics, OffsetSpec spec)
            throws Exception {
        Map<TopicPartition, OffsetSpec> request = admin.describeTopics(topics).allTopicNames().get().values().stream()
                .flatMap(topic -> topic.partitions().stream().map(p -> new TopicPartition(topic.name(), p.partition())))
                .collect(Collectors.toMap(p -> p, p -> spec));
        return admin.listOffsets(request).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private static MaskScored scored(String photoId, double score) {
        return MaskScored.newBuilder()
                .setPhotoId(photoId)
                .setPhoto(ref("photos", photoId + ".jpg"))
                .setMask(ref("masks", photoId + "/u2netp-3.png"))
                .setModel(model())
                .setVerifierModel(ModelRef.newBuilder().setName("evidence-rules").setVersion(1).build())
                .setMetadata(StudioMetadata.newBuilder().build())
                .setScore(score)
                .setReasons(score < 0.9 ? List.of(QualityReason.HOLES) : List.of())
                .setCluster(ProductCluster.newBuilder().setId(0).setLabel(null).build())
                .setInferredAt(SCORED_AT.minusSeconds(1))
                .setScoredAt(SCORED_AT)
                .build();
    }

    private static ReviewDecision decision(String photoId, ReviewOutcome outcome, ObjectRef corrected) {
        return ReviewDecision.newBuilder()
                .setReviewId(photoId + ":u2netp-3")
                .setPhotoId(photoId)
                .setPhoto(ref("photos", photoId + ".jpg"))
                .setMask(ref("masks", photoId + "/u2netp-3.png"))
                .setModel(model())
                .setMetadata(StudioMetadata.newBuilder().build())
                .setOutcome(outcome)
                .setCorrectedMask(corrected)
                .setReviewer("ana")
                .setComment(null)
                .setDecidedAt(DECIDED_AT)
                .build();
    }

    private static ModelRef model() {
        return ModelRef.newBuilder().setName("u2netp").setVersion(3).build();
    }

    private static ObjectRef ref(String bucket, String key) {
        return ObjectRef.newBuilder().setBucket(bucket).setKey(key).setSha256("00".repeat(32)).setSizeBytes(10)
                .setWidth(4).setHeight(4).setContentType("image/png").build();
    }
}

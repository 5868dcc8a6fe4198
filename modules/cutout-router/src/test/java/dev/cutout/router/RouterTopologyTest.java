package dev.cutout.router;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutout.common.registry.SchemaRegistryClient;
import dev.cutout.common.registry.SchemaRegistryServer;
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
import dev.cutout.events.Priority;
import dev.cutout.events.ProductCluster;
import dev.cutout.events.QualityReason;
import dev.cutout.events.ReviewDecision;
import dev.cutout.events.ReviewOutcome;
import dev.cutout.events.ReviewRequested;
import dev.cutout.events.StudioMetadata;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RouterTopologyTest {

    private static final Instant SCORED_AT = Instant.parse("2025-05-01T10:00:00Z");
    private static final Instant DECIDED_AT = Instant.parse("2025-05-01T11:00:00Z");

    private static SchemaRegistryServer server;
    private static SchemaRegistryClient registry;

    private final CollectingDeadLetterSink sink = new CollectingDeadLetterSink();
    private TopologyTestDriver driver;
    private TestInputTopic<String, MaskScored> scored;
    private TestInputTopic<String, ReviewDecision> decisions;
    private TestInputTopic<String, byte[]> rawScored;
    private TestOutputTopic<String, CutoutApproved> approved;
    private TestOutputTopic<String, ReviewRequested> reviews;
    private TestOutputTopic<String, DatasetSample> samples;

    @BeforeAll
    static void startRegistry() {
        server = SchemaRegistryServer.inMemory(0).start();
        registry = new SchemaRegistryClient(server.url());
    }

    @AfterAll
    static void stopRegistry() {
        server.close();
    }

    @AfterEach
    void closeDriver() {
        if (driver != null) {
            driver.close();
        }
    }

    private void start(Map<String, Object> extra) {
        start(extra, registry);
    }

    private void start(Map<String, Object> extra, SchemaRegistryClient registry) {
        Map<String, Object> values = new HashMap<>();
        values.put(RouterConfig.PUBLISH_THRESHOLD, "0.9");
        values.put(RouterConfig.DATASET_THRESHOLD, "0.97");
        values.put(RouterConfig.CLUSTER_THRESHOLD_PREFIX + "light-products", "0.95");
        values.put(RouterConfig.CLUSTER_THRESHOLD_PREFIX + "7", "0.6");
        values.putAll(extra);
        RouterConfig config = new RouterConfig(values);
        Properties props = config.streamsProperties();
        props.put(StreamsConfig.STATE_DIR_CONFIG, System.getProperty("java.io.tmpdir") + "/router-test-"
                + System.nanoTime());
        props.put(DeadLetterSink.CONFIG_KEY, sink);
        RouterSerdes serdes = RouterSerdes.avro(registry);
        driver = new TopologyTestDriver(RouterTopology.build(config, serdes), props);
        StringSerializer keys = new StringSerializer();
        StringDeserializer keysOut = new StringDeserializer();
        scored = driver.createInputTopic(Topics.MASKS_SCORED.name(), keys, serdes.scored().serializer());
        rawScored = driver.createInputTopic(Topics.MASKS_SCORED.name(), keys, new ByteArraySerializer());
        decisions = driver.createInputTopic(Topics.REVIEW_DECISIONS.name(), keys, serdes.decisions().serializer());
        approved = driver.createOutputTopic(Topics.CUTOUTS_APPROVED.name(), keysOut, serdes.approved().deserializer());
        reviews = driver.createOutputTopic(Topics.REVIEW_REQUESTS.name(), keysOut, serdes.reviews().deserializer());
        samples = driver.createOutputTopic(Topics.DATASET_SAMPLES.name(), keysOut, serdes.samples().deserializer());
    }

    private void start() {
        start(Map.of());
    }

    @Test
    void confidentMaskIsApprovedAndBecomesAModelSample() {
        start();

        scored.pipeInput("p1", scored("p1", 0.98, null));

        CutoutApproved approval = approved.readValue();
        assertThat(approval.getApproval()).isEqualTo(ApprovalSource.AUTOMATIC);
        assertThat(approval.getScore()).isEqualTo(0.98);
        assertThat(approval.getMask().getKey()).isEqualTo("p1/u2netp-3.png");
        assertThat(approval.getApprovedAt()).isEqualTo(SCORED_AT);
        DatasetSample sample = samples.readValue();
        assertThat(sample.getLabelSource()).isEqualTo(LabelSource.MODEL);
        assertThat(sample.getSampleId()).isEqualTo("p1:p1/u2netp-3.png");
        assertThat(reviews.isEmpty()).isTrue();
    }

    @Test
    void publishThresholdIsInclusiveAndDatasetNeedsMore() {
        start();

        scored.pipeInput("at", scored("at", 0.9, null));
        scored.pipeInput("below", scored("below", 0.8999, null));
        scored.pipeInput("dataset-edge", scored("dataset-edge", 0.97, null));

        assertThat(approved.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("at", "dataset-edge");
        List<ReviewRequested> requested = reviews.readValuesToList();
        assertThat(requested).extracting(ReviewRequested::getPhotoId).containsExactly("below");
        assertThat(requested.get(0).getPublishThreshold()).isEqualTo(0.9);
        assertThat(samples.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("dataset-edge");
    }

    @Test
    void doubtfulMaskAsksForReviewWithReasonsAndAStableId() {
        start();

        scored.pipeInput("p2", scored("p2", 0.5, null));

        ReviewRequested request = reviews.readValue();
        assertThat(request.getReviewId()).isEqualTo("p2:u2netp-3");
        assertThat(request.getReasons()).containsExactly(QualityReason.HOLES);
        assertThat(request.getScore()).isEqualTo(0.5);
        assertThat(approved.isEmpty()).isTrue();
        assertThat(samples.isEmpty()).isTrue();
    }

    @Test
    void clusterThresholdsApplyByLabelAndById() {
        start();

        scored.pipeInput("light", scored("light", 0.93, cluster(2, "light-products")));
        scored.pipeInput("by-id", scored("by-id", 0.65, cluster(7, null)));
        scored.pipeInput("other", scored("other", 0.93, cluster(3, "dresses")));

        assertThat(approved.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("by-id", "other");
        ReviewRequested light = reviews.readValue();
        assertThat(light.getPhotoId()).isEqualTo("light");
        assertThat(light.getPublishThreshold()).isEqualTo(0.95);
    }

    @Test
    void theVerifiersThresholdAppliesUnlessTheClusterHasAConfiguredOne() {
        start();

        MaskScored own = scored("own", 0.85, cluster(4, "tops"));
        own.setPublishThreshold(0.8);
        MaskScored strict = scored("strict", 0.93, cluster(5, "shorts"));
        strict.setPublishThreshold(0.96);
        MaskScored configured = scored("configured", 0.93, cluster(2, "light-products"));
        configured.setPublishThreshold(0.5);
        scored.pipeInput("own", own);
        scored.pipeInput("strict", strict);
        scored.pipeInput("configured", configured);

        assertThat(approved.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("own");
        List<ReviewRequested> requested = reviews.readValuesToList();
        assertThat(requested).extracting(ReviewRequested::getPhotoId).containsExactly("strict", "configured");
        assertThat(requested).extracting(ReviewRequested::getPublishThreshold).containsExactly(0.96, 0.95);
    }

    @Test
    void acceptedDecisionApprovesTheModelsMask() {
        start();

        decisions.pipeInput("p3", decision("p3", ReviewOutcome.ACCEPTED, null));

        CutoutApproved approval = approved.readValue();
        assertThat(approval.getApproval()).isEqualTo(ApprovalSource.REVIEW_ACCEPTED);
        assertThat(approval.getMask().getKey()).isEqualTo("p3/u2netp-3.png");
        assertThat(approval.getReviewId()).isEqualTo("p3:u2netp-3");
        assertThat(approval.getApprovedAt()).isEqualTo(DECIDED_AT);
        assertThat(samples.isEmpty()).isTrue();
    }

    @Test
    void correctedDecisionApprovesTheCorrectionAndAddsAHumanSample() {
        start();

        decisions.pipeInput("p4", decision("p4", ReviewOutcome.CORRECTED, ref("masks", "p4/corrected.png")));

        CutoutApproved approval = approved.readValue();
        assertThat(approval.getApproval()).isEqualTo(ApprovalSource.REVIEW_CORRECTED);
        assertThat(approval.getMask().getKey()).isEqualTo("p4/corrected.png");
        DatasetSample sample = samples.readValue();
        assertThat(sample.getLabelSource()).isEqualTo(LabelSource.HUMAN);
        assertThat(sample.getMask().getKey()).isEqualTo("p4/corrected.png");
        assertThat(sample.getReviewer()).isEqualTo("ana");
    }

    @Test
    void rejectedDecisionGoesOnTheReshootListUntilALaterDecisionClearsIt() {
        start();
        KeyValueStore<String, ReviewDecision> reshoot = driver.getKeyValueStore(RouterTopology.RESHOOT_STORE);

        decisions.pipeInput("p5", decision("p5", ReviewOutcome.REJECTED, null));
        decisions.pipeInput("p6", decision("p6", ReviewOutcome.REJECTED, null));

        assertThat(reshoot.get("p5").getOutcome()).isEqualTo(ReviewOutcome.REJECTED);
        assertThat(approved.isEmpty()).isTrue();
        assertThat(samples.isEmpty()).isTrue();

        decisions.pipeInput("p5", decision("p5", ReviewOutcome.ACCEPTED, null));

        assertThat(reshoot.get("p5")).isNull();
        assertThat(reshoot.get("p6")).isNotNull();
        assertThat(approved.readValue().getPhotoId()).isEqualTo("p5");
    }

    @Test
    void poisonRecordGoesToTheDlqAndTheTopologyCarriesOn() {
        start();

        rawScored.pipeInput("poison", "not avro at all".getBytes());
        scored.pipeInput("p7", scored("p7", 0.95, null));

        assertThat(sink.letters).hasSize(1);
        DeadLetter letter = sink.letters.get(0);
        assertThat(letter.getSourceTopic()).isEqualTo("masks.scored");
        assertThat(letter.getKey()).isEqualTo("poison");
        assertThat(letter.getReason()).isEqualTo(DeadLetterReason.DESERIALIZATION_FAILED);
        assertThat(letter.getService()).isEqualTo(RouterService.SERVICE);
        assertThat(letter.getOffset()).isZero();
        assertThat(approved.readValue().getPhotoId()).isEqualTo("p7");
    }

    @Test
    void unknownSchemaIdIsNamedAsSuch() {
        start();

        rawScored.pipeInput("ghost", new byte[] {0, 0, 0, 0x7f, 0x7f, 2, 4});

        assertThat(sink.letters).extracting(DeadLetter::getReason).containsExactly(DeadLetterReason.UNKNOWN_SCHEMA);
    }

    @Test
    void invalidEventsGoToTheDlqThroughTheProcessingHandler() {
        start();

        scored.pipeInput("p8", scored("p8", 1.5, null));
        decisions.pipeInput("p9", decision("p9", ReviewOutcome.CORRECTED, null));
        scored.pipeInput("p10", scored("p10", 0.2, null));

        assertThat(sink.letters).extracting(DeadLetter::getKey, DeadLetter::getSourceTopic, DeadLetter::getReason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("p8", "masks.scored", DeadLetterReason.INVALID_EVENT),
                        org.assertj.core.groups.Tuple.tuple("p9", "review.decisions", DeadLetterReason.INVALID_EVENT));
        assertThat(approved.isEmpty()).isTrue();
        assertThat(reviews.readValue().getPhotoId()).isEqualTo("p10");
    }

    @Test
    void outputTheRegistryRefusesSendsTheInputToTheDlqThroughTheProductionHandler() {
        String topic = "cutouts.approved";
        Schema incompatible = SchemaBuilder.record("CutoutApproved").namespace("dev.cutout.events").fields()
                .requiredInt("legacy").endRecord();
        try (SchemaRegistryServer own = SchemaRegistryServer.inMemory(0).start()) {
            SchemaRegistryClient ownRegistry = new SchemaRegistryClient(own.url());
            ownRegistry.register(topic + "-value", incompatible);
            start(Map.of(), ownRegistry);

            scored.pipeInput("p11", scored("p11", 0.95, null));
            scored.pipeInput("p12", scored("p12", 0.3, null));

            assertThat(sink.letters).hasSize(1);
            DeadLetter letter = sink.letters.get(0);
            assertThat(letter.getSourceTopic()).isEqualTo("masks.scored");
            assertThat(letter.getKey()).isEqualTo("p11");
            assertThat(letter.getReason()).isEqualTo(DeadLetterReason.PROCESSING_FAILED);
            assertThat(letter.getMessage()).contains(topic);
            assertThat(approved.isEmpty()).isTrue();
            assertThat(reviews.readValue().getPhotoId()).isEqualTo("p12");
            driver.close();
            driver = null;
        }
    }

    @Test
    void errorPolicyAndExactlyOnceAreConfigured() {
        Properties props = new RouterConfig(Map.of()).streamsProperties();

        assertThat(props.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
        assertThat(props.get(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG))
                .isEqualTo(DeadLetterDeserializationHandler.class);
        assertThat(props.get(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG))
                .isEqualTo(DeadLetterProcessingHandler.class);
        assertThat(props.get(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG))
                .isEqualTo(DeadLetterProductionHandler.class);
    }

    private static MaskScored scored(String photoId, double score, ProductCluster cluster) {
        return MaskScored.newBuilder()
                .setPhotoId(photoId)
                .setPhoto(ref("photos", photoId + ".jpg"))
                .setMask(ref("masks", photoId + "/u2netp-3.png"))
                .setModel(model())
                .setVerifierModel(ModelRef.newBuilder().setName("evidence-rules").setVersion(1).build())
                .setMetadata(metadata())
                .setScore(score)
                .setReasons(score < 0.9 ? List.of(QualityReason.HOLES) : List.of())
                .setCluster(cluster != null ? cluster : cluster(0, null))
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
                .setMetadata(metadata())
                .setOutcome(outcome)
                .setCorrectedMask(corrected)
                .setReviewer("ana")
                .setComment(null)
                .setDecidedAt(DECIDED_AT)
                .build();
    }

    private static ProductCluster cluster(int id, String label) {
        return ProductCluster.newBuilder().setId(id).setLabel(label).build();
    }

    private static ModelRef model() {
        return ModelRef.newBuilder().setName("u2netp").setVersion(3).build();
    }

    private static ObjectRef ref(String bucket, String key) {
        return ObjectRef.newBuilder().setBucket(bucket).setKey(key).setSha256("00".repeat(32)).setSizeBytes(10)
                .setWidth(4).setHeight(4).setContentType("image/png").build();
    }

    private static StudioMetadata metadata() {
        return StudioMetadata.newBuilder().build();
    }
}

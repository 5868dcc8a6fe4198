package dev.cutout.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cutout.common.store.Buckets;
import dev.cutout.common.topic.Topics;
import dev.cutout.events.DeadLetter;
import dev.cutout.events.DeadLetterReason;
import dev.cutout.events.EvalMetrics;
import dev.cutout.events.MaskScored;
import dev.cutout.events.ModelKind;
import dev.cutout.events.ModelRef;
import dev.cutout.events.ModelReleased;
import dev.cutout.events.ObjectRef;
import dev.cutout.local.LocalStack;
import dev.cutout.local.SharedStack;
import dev.cutout.vision.verify.VerifierCard;
import dev.cutout.vision.verify.VerifierModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Verifier releases announced on models.released while masks flow: a good one is swapped in between
 * batches (later masks carry it, none is lost or scored twice), an unusable one goes to the dead-letter
 * topic and the service stays on its model.
 */
@ExtendWith(SharedStack.class)
class VerifierHotSwapIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final String NAME = VerifierModel.DEFAULT_NAME;
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    private static VerifierCard shipped;
    private static byte[] shippedParams;
    private static byte[] shippedCard;

    @BeforeAll
    static void readTheShippedVerifier() throws IOException {
        shipped = VerifierFixture.shippedCard();
        try (InputStream params = VerifierFixture.shippedFile(NAME + "-0000.params");
             InputStream card = VerifierFixture.shippedFile(NAME + ".card.json")) {
            shippedParams = params.readAllBytes();
            shippedCard = card.readAllBytes();
        }
    }

    @Test
    void swapsToANewerReleaseWhileMasksFlow(LocalStack stack) throws Exception {
        int v1 = shipped.version();
        int v2 = v1 + 1;
        String group = "verifier-swap-it";
        try (VerifierFixture fixture = new VerifierFixture(stack);
             VerifierService service = VerifierService.create(fixture.config(group, Map.of()), fixture.store)
                     .start();
             var scored = fixture.reader(Topics.MASKS_SCORED);
             var dead = fixture.reader(Topics.MODELS_RELEASED.dlq())) {
            List<String> before = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                before.add(send(fixture, "before-" + i, i));
            }
            scored.until(r -> r.size() >= 4, TIMEOUT);

            // Releases of another kind, of another name or not newer are not for this verifier.
            release(fixture, ModelKind.SEGMENTER, new ModelRef(NAME, v2 + 5), shippedParams, cardOfVersion(v2));
            release(fixture, ModelKind.VERIFIER, new ModelRef("other-" + NAME, v2 + 5), shippedParams,
                    cardOfVersion(v2));
            release(fixture, ModelKind.VERIFIER, new ModelRef(NAME, v1), shippedParams, cardOfVersion(v2));
            release(fixture, ModelKind.VERIFIER, new ModelRef(NAME, v2), shippedParams, cardOfVersion(v2));

            // Masks keep coming until the first one is scored by the new release.
            List<String> during = new ArrayList<>();
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (scored.records.stream().noneMatch(r -> r.value().getVerifierModel().getVersion() == v2)) {
                assertThat(System.nanoTime()).as("no mask scored by %s:%d in time", NAME, v2).isLessThan(deadline);
                during.add(send(fixture, "during-" + during.size(), 10 + during.size()));
                scored.settle(Duration.ofMillis(300));
            }
            // The same drawings as before, so that both models' scores can be compared.
            List<String> after = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                after.add(send(fixture, "after-" + i, i));
            }
            int total = before.size() + during.size() + after.size();
            scored.until(r -> r.size() >= total, TIMEOUT);
            scored.settle(Duration.ofSeconds(2));

            Map<String, MaskScored> byPhoto = scored.records.stream()
                    .collect(Collectors.toMap(ConsumerRecord::key, ConsumerRecord::value));
            assertThat(scored.records).as("one score per mask: none scored twice").hasSize(total);
            assertThat(byPhoto.keySet()).containsAll(before).containsAll(during).containsAll(after);
            ModelRef first = new ModelRef(NAME, v1);
            ModelRef second = new ModelRef(NAME, v2);
            assertThat(before).allSatisfy(id -> assertThat(byPhoto.get(id).getVerifierModel()).isEqualTo(first));
            assertThat(during).allSatisfy(id -> assertThat(byPhoto.get(id).getVerifierModel()).isIn(first, second));
            assertThat(after).allSatisfy(id -> assertThat(byPhoto.get(id).getVerifierModel()).isEqualTo(second));
            // No going back: every score of the first model precedes every score of the second.
            Instant lastOfFirst = scored.records.stream().map(ConsumerRecord::value)
                    .filter(e -> e.getVerifierModel().equals(first)).map(MaskScored::getScoredAt)
                    .max(Comparator.naturalOrder()).orElseThrow();
            Instant firstOfSecond = scored.records.stream().map(ConsumerRecord::value)
                    .filter(e -> e.getVerifierModel().equals(second)).map(MaskScored::getScoredAt)
                    .min(Comparator.naturalOrder()).orElseThrow();
            assertThat(lastOfFirst).isBeforeOrEqualTo(firstOfSecond);
            // The release carries the same weights: the same drawing scores the same under both versions.
            for (int i = 0; i < 4; i++) {
                MaskScored old = byPhoto.get(before.get(i));
                MaskScored now = byPhoto.get(after.get(i));
                assertThat(now.getScore()).isCloseTo(old.getScore(), within(1e-6));
                assertThat(now.getCluster()).isEqualTo(old.getCluster());
                assertThat(now.getPublishThreshold()).isEqualTo(old.getPublishThreshold());
            }
            assertThat(dead.settle(Duration.ofMillis(500))).as("releases dead-lettered").isEmpty();

            service.close();
            assertThat(fixture.committedToTheEnd(group)).isEqualTo(total);
        }
    }

    @Test
    void staysOnItsModelWhenAReleaseIsUnusable(LocalStack stack) throws Exception {
        int v1 = shipped.version();
        int v2 = v1 + 1;
        String group = "verifier-bad-release-it";
        try (VerifierFixture fixture = new VerifierFixture(stack);
             VerifierService service = VerifierService.create(fixture.config(group, Map.of()), fixture.store)
                     .start();
             var scored = fixture.reader(Topics.MASKS_SCORED);
             var dead = fixture.reader(Topics.MODELS_RELEASED.dlq())) {
            List<String> masks = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                masks.add(send(fixture, "first-" + i, i));
            }
            scored.until(r -> r.size() >= 2, TIMEOUT);

            ObjectRef params = stored(fixture, "verifier/" + NAME + "/broken/" + NAME + "-0000.params", shippedParams);
            ObjectRef absentCard = ObjectRef.newBuilder(params).setKey("verifier/" + NAME + "/broken/absent.card.json")
                    .setSha256("0".repeat(64)).setSizeBytes(100).setContentType("application/json").build();
            byte[] truncatedCard = new String(cardOfVersion(v2 + 1), StandardCharsets.UTF_8).substring(0, 200)
                    .getBytes(StandardCharsets.UTF_8);
            Map<String, RecordMetadata> releases = Map.of(
                    "card missing", publish(fixture, ModelKind.VERIFIER, new ModelRef(NAME, v2), params, absentCard),
                    "card corrupt", release(fixture, ModelKind.VERIFIER, new ModelRef(NAME, v2 + 1), shippedParams,
                            truncatedCard),
                    "card of another version", release(fixture, ModelKind.VERIFIER, new ModelRef(NAME, v2 + 2),
                            shippedParams, cardOfVersion(v1)));
            List<ConsumerRecord<String, DeadLetter>> letters = dead.until(r -> r.size() >= 3, TIMEOUT);

            assertThat(letters).hasSize(3);
            assertThat(letters).extracting(r -> r.value().getOffset()).containsExactlyInAnyOrderElementsOf(
                    releases.values().stream().map(RecordMetadata::offset).toList());
            assertThat(letters).allSatisfy(record -> {
                DeadLetter letter = record.value();
                assertThat(record.key()).isEqualTo(NAME);
                assertThat(letter.getSourceTopic()).isEqualTo(Topics.MODELS_RELEASED.name());
                assertThat(letter.getReason()).isEqualTo(DeadLetterReason.PROCESSING_FAILED);
                assertThat(letter.getService()).isEqualTo(VerifierService.SERVICE);
                assertThat(letter.getMessage()).startsWith("model not loadable");
            });
            long ofAnotherVersion = releases.get("card of another version").offset();
            assertThat(letters).filteredOn(r -> r.value().getOffset() == ofAnotherVersion).singleElement()
                    .satisfies(r -> assertThat(r.value().getMessage()).contains("card of version " + v1));

            // Each release was given up before the next was read: masks sent now meet the first model.
            for (int i = 0; i < 3; i++) {
                masks.add(send(fixture, "then-" + i, 2 + i));
            }
            scored.until(r -> r.size() >= masks.size(), TIMEOUT);
            assertThat(scored.records).allSatisfy(
                    r -> assertThat(r.value().getVerifierModel()).isEqualTo(new ModelRef(NAME, v1)));

            // A usable release of a version that failed before is still taken.
            release(fixture, ModelKind.VERIFIER, new ModelRef(NAME, v2), shippedParams, cardOfVersion(v2));
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (scored.records.stream().noneMatch(r -> r.value().getVerifierModel().getVersion() == v2)) {
                assertThat(System.nanoTime()).as("no mask scored by %s:%d in time", NAME, v2).isLessThan(deadline);
                masks.add(send(fixture, "later-" + masks.size(), 20 + masks.size()));
                scored.settle(Duration.ofMillis(300));
            }
            scored.until(r -> r.size() >= masks.size(), TIMEOUT);
            scored.settle(Duration.ofSeconds(1));
            assertThat(scored.records).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(masks);
            assertThat(dead.settle(Duration.ofMillis(500))).hasSize(3);

            service.close();
            assertThat(fixture.committedToTheEnd(group)).isEqualTo(masks.size());
        }
    }

    /** The shipped card with its version rewritten, as a trainer would release the same weights again. */
    private static byte[] cardOfVersion(int version) throws IOException {
        ObjectNode card = (ObjectNode) JSON.readTree(shippedCard);
        card.put("version", version);
        return JSON.writeValueAsBytes(card);
    }

    private static String send(VerifierFixture fixture, String photoId, int seed) throws Exception {
        fixture.send(fixture.storeDrawnPair(photoId, seed));
        return photoId;
    }

    /** Stores weights and card as the trainer does and announces them; returns where the announcement went. */
    private static RecordMetadata release(VerifierFixture fixture, ModelKind kind, ModelRef model, byte[] params,
            byte[] card) throws Exception {
        String prefix = kind.name().toLowerCase() + "/" + model.getName() + "/" + model.getVersion() + "/";
        return publish(fixture, kind, model, stored(fixture, prefix + model.getName() + "-0000.params", params),
                stored(fixture, prefix + model.getName() + ".card.json", card));
    }

    private static ObjectRef stored(VerifierFixture fixture, String key, byte[] content) {
        String type = key.endsWith(".json") ? "application/json" : "application/octet-stream";
        return VerifierFixture.ref(fixture.store.put(Buckets.MODELS, key, content, type));
    }

    private static RecordMetadata publish(VerifierFixture fixture, ModelKind kind, ModelRef model, ObjectRef weights,
            ObjectRef card) throws Exception {
        Function<String, String> orDefault = value -> value == null ? "quality-net" : value;
        ModelReleased event = ModelReleased.newBuilder()
                .setModel(model)
                .setKind(kind)
                .setWeights(weights)
                .setModelCard(card)
                .setArchitecture(orDefault.apply(shipped.architecture()))
                .setInputSize(shipped.inputSide())
                .setGoldenSetMetrics(new EvalMetrics(40, 0.9, 0.94, 0.03, 0.95, 0.8))
                .setPrevious(new ModelRef(NAME, shipped.version()))
                .setReleasedAt(Instant.now())
                .build();
        return fixture.producer.send(new ProducerRecord<>(Topics.MODELS_RELEASED.name(), model.getName(), event))
                .get();
    }
}

package dev.cutout.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.cutout.common.image.ImageCodec;
import dev.cutout.common.topic.Topics;
import dev.cutout.events.DeadLetter;
import dev.cutout.events.DeadLetterReason;
import dev.cutout.events.MaskInferred;
import dev.cutout.events.MaskScored;
import dev.cutout.events.ModelRef;
import dev.cutout.events.ObjectRef;
import dev.cutout.local.LocalStack;
import dev.cutout.local.SharedStack;
import dev.cutout.vision.mask.AlphaMask;
import dev.cutout.vision.quality.EvidenceScorer;
import dev.cutout.vision.quality.MaskQualityScorer;
import dev.cutout.vision.quality.QualityAssessment;
import dev.cutout.vision.verify.VerifierCard;
import dev.cutout.vision.verify.VerifierModel;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The verifier service on the real embedded stack with the shipped learned verifier: masks.inferred in,
 * masks.scored out with the card's clusters and thresholds, what it cannot score on masks.inferred.dlq with
 * its reason; every input ends in exactly one of the two and the group's offsets reach the end.
 */
@ExtendWith(SharedStack.class)
class VerifierServiceIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(180);

    /** The three records no retry can score, by key, and the reason each must be dead-lettered with. */
    private static final Map<String, DeadLetterReason> UNSCORABLE = Map.of(
            "undecodable", DeadLetterReason.DESERIALIZATION_FAILED,
            "missing-mask", DeadLetterReason.OBJECT_NOT_FOUND,
            "corrupt-mask", DeadLetterReason.IMAGE_DECODE_FAILED);

    @Test
    void scoresRealPhotosWithTheShippedVerifier(LocalStack stack) throws Exception {
        List<Path[]> pairs = new ArrayList<>(VerifierFixture.realPairs("carvana-val", 2, true));
        pairs.addAll(VerifierFixture.realPairs("duts-val", 3, false));
        try (VerifierFixture fixture = new VerifierFixture(stack)) {
            Map<String, MaskInferred> good = new LinkedHashMap<>();
            for (Path[] pair : pairs) {
                String photoId = pair[0].getFileName().toString().replaceFirst("\\.jpg$", "");
                good.put(photoId, fixture.storePair(photoId, Files.readAllBytes(pair[0]), "image/jpeg",
                        Files.readAllBytes(pair[1])));
            }
            Path[] damaged = pairs.get(pairs.size() - 1);
            runAndCheck(fixture, "verifier-it-real", good, Files.readAllBytes(damaged[0]), "image/jpeg",
                    Files.readAllBytes(damaged[1]));
        }
    }

    /** The same flow on drawn photos, so that it runs in any checkout, with or without the real-data sets. */
    @Test
    void scoresDrawnPhotosAndDeadLettersWhatItCannotScore(LocalStack stack) throws Exception {
        try (VerifierFixture fixture = new VerifierFixture(stack)) {
            Map<String, MaskInferred> good = new LinkedHashMap<>();
            for (int i = 0; i < 6; i++) {
                good.put("drawn-" + i, fixture.storeDrawnPair("drawn-" + i, i));
            }
            byte[][] damaged = fixture.drawnPair(7);
            runAndCheck(fixture, "verifier-it-drawn", good, damaged[0], "image/png", damaged[1]);
        }
    }

    /**
     * {@link VerifierService#close()} while a batch is being scored: the batch is finished, and what it
     * wrote is committed before the service stops, so a restart scores nothing twice.
     */
    @Test
    void closeFinishesTheBatchInHandAndCommitsIt(LocalStack stack) throws Exception {
        String group = "verifier-it-close";
        CountDownLatch scoring = new CountDownLatch(1);
        CountDownLatch carryOn = new CountDownLatch(1);
        AtomicInteger assessed = new AtomicInteger();
        EvidenceScorer rules = new EvidenceScorer();
        MaskQualityScorer holdsTheSixthMask = new MaskQualityScorer() {
            @Override
            public QualityAssessment assess(BufferedImage photo, AlphaMask mask) {
                if (assessed.incrementAndGet() == 6) {
                    scoring.countDown();
                    try {
                        carryOn.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return rules.assess(photo, mask);
            }

            @Override
            public String name() {
                return rules.name();
            }

            @Override
            public int version() {
                return rules.version();
            }
        };
        try (VerifierFixture fixture = new VerifierFixture(stack);
             var scored = fixture.reader(Topics.MASKS_SCORED)) {
            for (int i = 0; i < 12; i++) {
                fixture.send(fixture.storeDrawnPair("closing-" + i, i));
            }
            VerifierService service = new VerifierService(fixture.config(group, Map.of()),
                    new MaskScoring(fixture.store, new ImageCodec(), holdsTheSixthMask, Clock.systemUTC()),
                    fixture.registry).start();
            assertThat(scoring.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("sixth mask scored").isTrue();

            Thread closer = new Thread(service::close, "closer");
            closer.start();
            // close() has woken the consumer up and waits for the batch in hand.
            await().atMost(Duration.ofSeconds(30)).until(() -> closer.getState() == Thread.State.TIMED_WAITING);
            carryOn.countDown();
            closer.join(Duration.ofSeconds(60).toMillis());
            assertThat(closer.isAlive()).as("close() returned").isFalse();
            scored.settle(Duration.ofSeconds(2));

            System.out.printf("%s: %d of 12 masks scored before the close, %d committed%n", group,
                    scored.records.size(), committed(fixture, group));
            assertThat(scored.records.size()).as("masks scored, the one held included").isBetween(6, 11);
            assertThat(committed(fixture, group)).as("committed offsets").isEqualTo(scored.records.size());
        }
    }

    private static long committed(VerifierFixture fixture, String group) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", fixture.stack.endpoints().bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            var starts = admin.listOffsets(offsets.keySet().stream()
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.earliest()))).all().get();
            return offsets.entrySet().stream()
                    .mapToLong(e -> e.getValue().offset() - starts.get(e.getKey()).offset()).sum();
        }
    }

    /**
     * Sends the stored pairs, then an undecodable record, a mask that is not in the store and a truncated
     * mask (of {@code photo}/{@code mask}), runs the service and checks everything it wrote.
     */
    private static void runAndCheck(VerifierFixture fixture, String group, Map<String, MaskInferred> good,
            byte[] photo, String photoType, byte[] mask) throws Exception {
        VerifierCard card = VerifierFixture.shippedCard();
        Map<String, RecordMetadata> offsets = new LinkedHashMap<>();
        for (MaskInferred event : good.values()) {
            offsets.put(event.getPhotoId(), fixture.send(event));
        }
        offsets.put("undecodable", fixture.sendRaw(Topics.MASKS_INFERRED.name(), "undecodable",
                "plain text, not Avro".getBytes(StandardCharsets.UTF_8)));
        MaskInferred some = good.values().iterator().next();
        offsets.put("missing-mask", fixture.send(MaskInferred.newBuilder(some).setPhotoId("missing-mask")
                .setMask(ObjectRef.newBuilder(some.getMask()).setKey("missing-mask/u2netp-v3.png").build())
                .build()));
        offsets.put("corrupt-mask", fixture.send(
                fixture.storePair("corrupt-mask", photo, photoType, Arrays.copyOf(mask, mask.length / 2))));
        Set<String> inputs = offsets.keySet();

        long started = System.nanoTime();
        try (VerifierService service = VerifierService.create(fixture.config(group, Map.of()), fixture.store)
                .start();
             var scored = fixture.reader(Topics.MASKS_SCORED);
             var dead = fixture.reader(Topics.MASKS_INFERRED.dlq())) {
            scored.until(r -> r.size() >= good.size(), TIMEOUT);
            dead.until(r -> r.size() >= UNSCORABLE.size(), TIMEOUT);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .untilAsserted(() -> assertThat(fixture.committedToTheEnd(group)).isEqualTo(inputs.size()));
            System.out.printf("%s: %d masks scored and %d dead-lettered in %.1f s%n", group, scored.records.size(),
                    dead.records.size(), (System.nanoTime() - started) / 1e9);
            scored.settle(Duration.ofSeconds(2));
            dead.settle(Duration.ofMillis(200));

            // Nothing lost, nothing twice: each input on masks.scored or the dead-letter topic, once.
            List<String> outputKeys = new ArrayList<>();
            scored.records.forEach(r -> outputKeys.add(r.key()));
            dead.records.forEach(r -> outputKeys.add(r.key()));
            assertThat(outputKeys).containsExactlyInAnyOrderElementsOf(inputs);
            assertThat(new HashSet<>(outputKeys)).hasSize(outputKeys.size());

            for (ConsumerRecord<String, MaskScored> record : scored.records) {
                MaskScored event = record.value();
                MaskInferred input = good.get(record.key());
                assertThat(input).as("scored %s", record.key()).isNotNull();
                System.out.printf("  %s: score %.3f, cluster %d (%s), threshold %.3f, reasons %s%n", record.key(),
                        event.getScore(), event.getCluster().getId(), event.getCluster().getLabel(),
                        event.getPublishThreshold(), event.getReasons());
                assertThat(event.getPhotoId()).isEqualTo(record.key());
                assertThat(event.getPhoto()).isEqualTo(input.getPhoto());
                assertThat(event.getMask()).isEqualTo(input.getMask());
                assertThat(event.getModel()).isEqualTo(VerifierFixture.SEGMENTER);
                assertThat(event.getMetadata()).isEqualTo(input.getMetadata());
                assertThat(event.getInferredAt()).isEqualTo(input.getInferredAt());
                assertThat(event.getScoredAt()).isAfterOrEqualTo(input.getInferredAt());
                assertThat(event.getVerifierModel())
                        .isEqualTo(new ModelRef(VerifierModel.DEFAULT_NAME, card.version()));
                assertThat(event.getScore()).isBetween(0.0, 1.0);
                int cluster = event.getCluster().getId();
                assertThat(cluster).isBetween(0, card.clusters().labels().size() - 1);
                assertThat(event.getCluster().getLabel()).isNotBlank()
                        .isEqualTo(card.clusters().labels().get(cluster));
                assertThat(event.getPublishThreshold()).isNotNull();
                assertThat(event.getPublishThreshold())
                        .isCloseTo(card.publishPolicy().thresholdFor(cluster), within(1e-12));
                if (event.getScore() >= event.getPublishThreshold()) {
                    assertThat(event.getReasons()).as("reasons of a publishable mask").isEmpty();
                } else {
                    assertThat(event.getReasons()).as("reasons of a doubtful mask").isNotEmpty();
                }
            }

            Map<String, DeadLetter> letters = dead.records.stream()
                    .collect(Collectors.toMap(ConsumerRecord::key, ConsumerRecord::value));
            assertThat(letters.keySet()).isEqualTo(UNSCORABLE.keySet());
            letters.forEach((key, letter) -> {
                assertThat(letter.getReason()).as("reason of %s: %s", key, letter.getMessage())
                        .isEqualTo(UNSCORABLE.get(key));
                assertThat(letter.getSourceTopic()).isEqualTo(Topics.MASKS_INFERRED.name());
                assertThat(letter.getPartition()).isEqualTo(offsets.get(key).partition());
                assertThat(letter.getOffset()).isEqualTo(offsets.get(key).offset());
                assertThat(letter.getService()).isEqualTo(VerifierService.SERVICE);
                assertThat(letter.getMessage()).isNotBlank();
            });
            assertThat(letters.get("missing-mask").getMessage()).contains("missing-mask/u2netp-v3.png");
            assertThat(letters.get("corrupt-mask").getMessage()).contains("corrupt-mask/u2netp-v3.png");

            service.close();
            assertThat(fixture.committedToTheEnd(group)).isEqualTo(inputs.size());
        }
    }
}

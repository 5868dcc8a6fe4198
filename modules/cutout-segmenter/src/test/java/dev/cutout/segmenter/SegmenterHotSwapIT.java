package dev.cutout.segmenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cutout.common.store.Buckets;
import dev.cutout.common.topic.Topics;
import dev.cutout.events.EvalMetrics;
import dev.cutout.events.MaskInferred;
import dev.cutout.events.ModelKind;
import dev.cutout.events.ModelRef;
import dev.cutout.events.ModelReleased;
import dev.cutout.events.ObjectRef;
import dev.cutout.local.LocalStack;
import dev.cutout.local.SharedStack;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A new model released while photos flow: later masks carry it, no photo is lost or done twice. */
@ExtendWith(SharedStack.class)
class SegmenterHotSwapIT {

    @TempDir
    Path dir;

    @Test
    void swapsToANewerReleaseBetweenBatches(LocalStack stack) throws Exception {
        try (SegmenterFixture fixture = new SegmenterFixture(stack, dir)) {
            Path v1 = SegmenterFixture.writeWeights(dir.resolve("v1"), "u2netp");
            Path v2 = SegmenterFixture.writeWeights(dir.resolve("v2"), "u2netp");
            SegmenterConfig config = fixture.config("segmenter-swap-it", v1, Map.of());

            try (SegmenterService service = SegmenterService.start(config);
                 var masks = fixture.reader(Topics.MASKS_INFERRED)) {
                List<String> before = fixture.ingestPhotos(4);
                masks.until(r -> r.size() >= 4, Duration.ofSeconds(90));

                // An older release and a verifier release are ignored.
                release(fixture, v2, new ModelRef("u2netp", 1), ModelKind.SEGMENTER);
                release(fixture, v2, new ModelRef("u2netp", 7), ModelKind.VERIFIER);
                release(fixture, v2, new ModelRef("u2netp", 2), ModelKind.SEGMENTER);
                List<String> during = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    during.add(fixture.ingest(SegmenterFixture.jpeg(10 + i)));
                }
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> service.modelInUse().getVersion() == 2);
                List<String> after = fixture.ingestPhotos(4);

                masks.until(r -> r.size() >= 12, Duration.ofSeconds(90));
                masks.settle(Duration.ofSeconds(1));
                Map<String, MaskInferred> byPhoto = masks.records.stream()
                        .collect(Collectors.toMap(ConsumerRecord::key, ConsumerRecord::value));
                assertThat(masks.records).as("one event per photo: none processed twice").hasSize(12);
                assertThat(byPhoto.keySet()).containsAll(before).containsAll(during).containsAll(after);
                assertThat(before).allSatisfy(id -> assertThat(byPhoto.get(id).getModel().getVersion()).isEqualTo(1));
                assertThat(during).allSatisfy(id -> assertThat(byPhoto.get(id).getModel().getVersion()).isIn(1, 2));
                assertThat(after).allSatisfy(id -> {
                    MaskInferred event = byPhoto.get(id);
                    assertThat(event.getModel()).isEqualTo(new ModelRef("u2netp", 2));
                    assertThat(event.getMask().getKey()).isEqualTo(id + "/u2netp-v2.png");
                    assertThat(fixture.store.stat(Buckets.MASKS, event.getMask().getKey())).isPresent();
                });
                assertThat(service.modelInUse()).isEqualTo(new ModelRef("u2netp", 2));
            }
        }
    }

    private static void release(SegmenterFixture fixture, Path weights, ModelRef model, ModelKind kind)
            throws Exception {
        String prefix = "segmenter/" + model.getName() + "/" + model.getVersion() + "/";
        var params = fixture.store.put(Buckets.MODELS, prefix + "u2netp-0000.params", Files.readAllBytes(weights),
                "application/octet-stream");
        var card = fixture.store.put(Buckets.MODELS, prefix + "u2netp.card.json",
                "{}".getBytes(StandardCharsets.UTF_8), "application/json");
        Function<dev.cutout.common.store.ObjectRef, ObjectRef> ref = stored -> ObjectRef.newBuilder()
                .setBucket(stored.bucket()).setKey(stored.key()).setSha256(stored.sha256())
                .setSizeBytes(stored.size()).setContentType(stored.contentType()).build();
        ModelReleased event = ModelReleased.newBuilder()
                .setModel(model)
                .setKind(kind)
                .setWeights(ref.apply(params))
                .setModelCard(ref.apply(card))
                .setArchitecture("u2netp")
                .setInputSize(SegmenterFixture.INPUT_SIZE)
                .setGoldenSetMetrics(new EvalMetrics(1, 0.5, 0.6, 0.1, 0.6, 0.4))
                .setReleasedAt(Instant.now())
                .build();
        fixture.producer.send(new ProducerRecord<>(Topics.MODELS_RELEASED.name(), model.getName(), event)).get();
    }
}

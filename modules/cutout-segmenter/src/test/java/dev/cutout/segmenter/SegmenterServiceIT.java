package dev.cutout.segmenter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutout.common.store.Buckets;
import dev.cutout.common.topic.Topics;
import dev.cutout.local.LocalStack;
import dev.cutout.local.SharedStack;
import dev.cutout.events.DeadLetter;
import dev.cutout.events.DeadLetterReason;
import dev.cutout.events.MaskInferred;
import dev.cutout.events.ModelRef;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Photos in, masks and masks.inferred out, bad input on the dead-letter topic; offsets committed at the end. */
@ExtendWith(SharedStack.class)
class SegmenterServiceIT {

    @TempDir
    Path dir;

    @Test
    void segmentsPhotosAndSendsWhatItCannotReadToTheDeadLetterTopic(LocalStack stack) throws Exception {
        try (SegmenterFixture fixture = new SegmenterFixture(stack, dir)) {
            Path weights = SegmenterFixture.writeWeights(dir.resolve("weights"), "u2netp");
            List<String> photos = fixture.ingestPhotos(5);
            String corrupt = fixture.ingest(SegmenterFixture.corruptJpeg());
            fixture.sendRaw(Topics.PHOTOS_INGESTED.name(), "not-avro", "plain text".getBytes(StandardCharsets.UTF_8));

            SegmenterConfig config = fixture.config("segmenter-it", weights, Map.of());
            try (SegmenterService service = SegmenterService.start(config);
                 var masks = fixture.reader(Topics.MASKS_INFERRED);
                 var dead = fixture.reader(Topics.PHOTOS_INGESTED.dlq())) {
                List<ConsumerRecord<String, MaskInferred>> events = masks.until(r -> r.size() >= 5, Duration.ofSeconds(90));
                List<ConsumerRecord<String, DeadLetter>> letters = dead.until(r -> r.size() >= 2, Duration.ofSeconds(30));

                assertThat(events).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(photos);
                ModelRef model = new ModelRef("u2netp", 1);
                for (ConsumerRecord<String, MaskInferred> record : events) {
                    MaskInferred event = record.value();
                    assertThat(event.getPhotoId()).isEqualTo(record.key());
                    assertThat(event.getModel()).isEqualTo(model);
                    assertThat(event.getMask().getBucket()).isEqualTo(Buckets.MASKS);
                    assertThat(event.getMask().getKey()).isEqualTo(MaskKeys.of(event.getPhotoId(), model));
                    assertThat(event.getTiming().getBatchSize()).isBetween(1, 4);
                    assertThat(event.getTiming().getInputWidth()).isEqualTo(SegmenterFixture.INPUT_SIZE);
                    assertThat(event.getMetadata().getSku()).startsWith("sku-");
                    BufferedImage mask = ImageIO.read(new ByteArrayInputStream(
                            fixture.store.get(Buckets.MASKS, event.getMask().getKey())));
                    assertThat(mask.getWidth()).isEqualTo(96);
                    assertThat(mask.getHeight()).isEqualTo(72);
                    assertThat(mask.getRaster().getNumBands()).isEqualTo(1);
                }

                Map<String, DeadLetter> byKey = letters.stream()
                        .collect(Collectors.toMap(ConsumerRecord::key, ConsumerRecord::value));
                assertThat(byKey.get(corrupt).getReason()).isEqualTo(DeadLetterReason.IMAGE_REJECTED);
                assertThat(byKey.get(corrupt).getMessage()).matches("(TRUNCATED|CORRUPT).*");
                assertThat(byKey.get("not-avro").getReason()).isEqualTo(DeadLetterReason.DESERIALIZATION_FAILED);
                assertThat(byKey.get("not-avro").getService()).isEqualTo(SegmenterConfig.SERVICE);

                service.close();
                assertThat(service.failure()).isEmpty();
                assertThat(service.recordsDone()).isEqualTo(6);
            }
            assertEverythingCommitted(fixture, "segmenter-it");
        }
    }

    private static void assertEverythingCommitted(SegmenterFixture fixture, String group) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", fixture.stack.endpoints().bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream()
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
            Map<TopicPartition, OffsetSpec> earliest = committed.keySet().stream()
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.earliest()));
            var ends = admin.listOffsets(latest).all().get();
            // The shared stack emptied the topics before this test: its records start at the log start offsets.
            var starts = admin.listOffsets(earliest).all().get();
            long total = 0;
            for (var entry : committed.entrySet()) {
                assertThat(entry.getValue().offset()).as("committed offset of %s", entry.getKey())
                        .isEqualTo(ends.get(entry.getKey()).offset());
                total += entry.getValue().offset() - starts.get(entry.getKey()).offset();
            }
            assertThat(total).isEqualTo(7);
        }
    }
}

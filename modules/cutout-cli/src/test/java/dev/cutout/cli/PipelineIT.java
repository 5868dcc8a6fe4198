package dev.cutout.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cutout.common.registry.AvroDeserializer;
import dev.cutout.common.registry.SchemaRegistryClient;
import dev.cutout.common.store.Buckets;
import dev.cutout.common.store.ObjectStore;
import dev.cutout.common.store.ObjectStoreConfig;
import dev.cutout.common.store.Sha256;
import dev.cutout.common.topic.Topics;
import dev.cutout.events.CutoutPublished;
import dev.cutout.events.DeadLetter;
import dev.cutout.events.DeadLetterReason;
import dev.cutout.events.ReviewRequested;
import dev.cutout.ingest.HotFolderWatcher;
import dev.cutout.ingest.IngestConfig;
import dev.cutout.ingest.IngestService;
import dev.cutout.local.LocalStack;
import dev.cutout.local.LocalStackConfig;
import dev.cutout.publisher.PublisherConfig;
import dev.cutout.segmenter.SegmenterConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on the embedded stack: real photos and three bad files go in through the hot folder
 * and the HTTP API, and every one of them comes out somewhere: published, in review, or dead-lettered.
 */
class PipelineIT {

    /**
     * Real photos per run, 3/4 DUTS and 1/4 Carvana: 40 by default (about a minute on the 2-core machine,
     * most of it inference); {@code -Dcutout.pipeline.photos=N} runs fewer or more.
     */
    private static final int PHOTOS = Integer.getInteger("cutout.pipeline.photos", 40);
    private static final int CARVANA_PHOTOS = Math.max(1, PHOTOS / 4);
    private static final int DUTS_PHOTOS = PHOTOS - CARVANA_PHOTOS;
    private static final int HTTP_PHOTOS = 2;

    @TempDir
    static Path dir;

    private static LocalStack stack;
    private static final Deque<AutoCloseable> running = new ArrayDeque<>();
    private static IngestService ingest;
    private static UpOptions options;

    @BeforeAll
    static void startPipeline() throws Exception {
        Path datasets = Path.of(System.getProperty("cutout.datasets", "../../../shared/datasets"));
        Assumptions.assumeTrue(Files.isDirectory(datasets.resolve("duts-val/images"))
                        && Files.isDirectory(datasets.resolve("carvana-val/images")),
                "skipped: no duts-val and carvana-val under " + datasets.toAbsolutePath()
                        + " (set -Dcutout.datasets=DIR)");
        stack = LocalStack.start(LocalStackConfig.onFreePorts(dir.resolve("stack")));
        options = new UpOptions();
        options.inbox = dir.resolve("inbox");
        options.outbox = dir.resolve("outbox");
        // One threshold for every cluster, between good and poor masks, so that both outcomes occur.
        Map<String, Object> overrides = new HashMap<>(EveryClusterThreshold.routerOverrides(0.5));
        overrides.put(SegmenterConfig.MODEL_INPUT_SIZE, 128);
        overrides.put(SegmenterConfig.MAX_BATCH_SIZE, 4);
        overrides.put(IngestConfig.HTTP_PORT, 0);
        overrides.put(IngestConfig.HOT_FOLDER_POLL_MS, 200);
        overrides.put(PublisherConfig.WHITE_JPEG_LONG_SIDE, 256);
        for (EmbeddedService service : PipelineServices.all(overrides)) {
            AutoCloseable started = service.start(stack, options);
            running.push(started);
            if (started instanceof IngestService service1) {
                ingest = service1;
            }
        }
    }

    @AfterAll
    static void stopPipeline() {
        while (!running.isEmpty()) {
            try {
                running.pop().close();
            } catch (Exception e) {
                // keep stopping the others
            }
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyPhotoEndsPublishedInReviewOrDeadLettered() throws Exception {
        Path datasets = Path.of(System.getProperty("cutout.datasets", "../../../shared/datasets"));
        List<Path> photos = new ArrayList<>(firstImages(datasets.resolve("duts-val/images"), DUTS_PHOTOS));
        photos.addAll(firstImages(datasets.resolve("carvana-val/images"), CARVANA_PHOTOS));
        Map<String, Path> real = new LinkedHashMap<>();
        for (Path photo : photos) {
            real.put(Sha256.hex(Files.readAllBytes(photo)), photo);
        }
        byte[] realJpeg = Files.readAllBytes(photos.get(0));
        byte[] corrupt = Arrays.copyOf(realJpeg, realJpeg.length / 2);
        byte[] empty = new byte[0];
        byte[] hugeHeader = pngHeader(30_000, 30_000);
        String corruptId = Sha256.hex(corrupt);
        String emptyId = Sha256.hex(empty);
        String hugeId = Sha256.hex(hugeHeader);

        try (OutcomeCollector outcomes = new OutcomeCollector(stack)) {
            Path inbox = options.inbox;
            for (Path photo : photos.subList(0, photos.size() - HTTP_PHOTOS)) {
                Files.copy(photo, inbox.resolve(photo.getFileName()));
            }
            Files.write(inbox.resolve("corrupt.jpg"), corrupt);
            Files.write(inbox.resolve("empty.jpg"), empty);
            Files.write(inbox.resolve("huge.png"), hugeHeader);

            HttpClient http = HttpClient.newHttpClient();
            for (Path photo : photos.subList(photos.size() - HTTP_PHOTOS, photos.size())) {
                HttpResponse<String> response = upload(http, photo, IngestConfig.DEFAULT_HTTP_TOKEN);
                assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            }
            HttpResponse<String> unauthorized = upload(http, photos.get(0), "wrong-token");
            assertThat(unauthorized.statusCode()).isEqualTo(401);

            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                outcomes.poll();
                assertThat(outcomes.finished()).containsAll(real.keySet());
                assertThat(outcomes.deadLetters).containsKeys(corruptId, emptyId, hugeId);
            });

            // The first photo again, over HTTP, after it went through: same id, nothing new.
            String firstId = Sha256.hex(Files.readAllBytes(photos.get(0)));
            HttpResponse<String> again = upload(http, photos.get(0), IngestConfig.DEFAULT_HTTP_TOKEN);
            assertThat(again.statusCode()).isEqualTo(202);
            assertThat(again.body()).contains(firstId).contains("\"duplicate\":true");
            Thread.sleep(3000);
            outcomes.poll();

            for (String id : real.keySet()) {
                int published = outcomes.published.getOrDefault(id, List.of()).size();
                int reviews = outcomes.reviews.getOrDefault(id, 0);
                assertThat(published + reviews).as("outcomes of %s", real.get(id)).isEqualTo(1);
                if (published == 1) {
                    CutoutPublished event = outcomes.published.get(id).get(0);
                    assertThat(options.outbox.resolve(id + "." + event.getOutputProfile() + ".png")).isRegularFile();
                }
            }
            assertThat(outcomes.published.size() + outcomes.reviews.size()).isEqualTo(real.size());
            try (ObjectStore store = ObjectStore.connect(ObjectStoreConfig.of(stack.endpoints().s3Endpoint(),
                    stack.endpoints().s3AccessKey(), stack.endpoints().s3SecretKey()))) {
                assertThat(store.list(Buckets.CUTOUTS, firstId + "/").size()).isLessThanOrEqualTo(1);
                assertThat(store.list(Buckets.CUTOUTS, "")).hasSize(outcomes.published.size());
            }

            DeadLetter emptyLetter = outcomes.deadLetters.get(emptyId);
            DeadLetter hugeLetter = outcomes.deadLetters.get(hugeId);
            DeadLetter corruptLetter = outcomes.deadLetters.get(corruptId);
            assertThat(emptyLetter.getReason()).isEqualTo(DeadLetterReason.IMAGE_REJECTED);
            assertThat(emptyLetter.getMessage()).contains("EMPTY");
            assertThat(hugeLetter.getReason()).isEqualTo(DeadLetterReason.IMAGE_REJECTED);
            assertThat(hugeLetter.getMessage()).contains("DIMENSION_TOO_LARGE").contains("30000x30000");
            // The corrupt JPEG has a sound header, so the ingest takes it and the segmenter refuses it.
            assertThat(corruptLetter.getService()).isNotEqualTo(IngestConfig.SERVICE);
            assertThat(corruptLetter.getMessage()).containsPattern("TRUNCATED|CORRUPT");
            assertThat(List.of(emptyLetter.getMessage(), hugeLetter.getMessage(), corruptLetter.getMessage()))
                    .doesNotHaveDuplicates();

            Path rejected = inbox.resolve(HotFolderWatcher.REJECTED);
            assertThat(rejected.resolve("empty.jpg")).exists();
            assertThat(Files.readString(rejected.resolve("empty.jpg" + HotFolderWatcher.REASON_SUFFIX)))
                    .startsWith("EMPTY");
            assertThat(Files.readString(rejected.resolve("huge.png" + HotFolderWatcher.REASON_SUFFIX)))
                    .startsWith("DIMENSION_TOO_LARGE");
            assertThat(inbox.resolve(HotFolderWatcher.PROCESSED).resolve("corrupt.jpg")).exists();
        }
    }

    private static List<Path> firstImages(Path folder, int count) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jpg")).sorted().limit(count).toList();
        }
    }

    private static HttpResponse<String> upload(HttpClient http, Path photo, String token) throws Exception {
        String boundary = "cutout-" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"sku\"\r\n\r\nSKU-1\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\""
                + photo.getFileName() + "\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(Files.readAllBytes(photo));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + ingest.httpPort().orElseThrow() + "/photos"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A PNG that is only a signature and an IHDR chunk announcing {@code width} x {@code height}. */
    static byte[] pngHeader(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4 + 12);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        png.putInt(13).put(ihdr.array()).putInt((int) crc.getValue());
        CRC32 endCrc = new CRC32();
        endCrc.update("IEND".getBytes(StandardCharsets.US_ASCII));
        png.putInt(0).put("IEND".getBytes(StandardCharsets.US_ASCII)).putInt((int) endCrc.getValue());
        return png.array();
    }

    /** Reads the flow's outcome topics: cutouts.published, review.requests and every dead-letter topic. */
    private static final class OutcomeCollector implements AutoCloseable {

        final Map<String, List<CutoutPublished>> published = new ConcurrentHashMap<>();
        final Map<String, Integer> reviews = new ConcurrentHashMap<>();
        final Map<String, DeadLetter> deadLetters = new ConcurrentHashMap<>();
        private final KafkaConsumer<String, byte[]> consumer;
        private final AvroDeserializer<CutoutPublished> publishedReader;
        private final AvroDeserializer<ReviewRequested> reviewReader;
        private final AvroDeserializer<DeadLetter> letterReader;

        OutcomeCollector(LocalStack stack) {
            SchemaRegistryClient registry = new SchemaRegistryClient(stack.endpoints().schemaRegistryUrl());
            publishedReader = new AvroDeserializer<>(registry, CutoutPublished.class);
            reviewReader = new AvroDeserializer<>(registry, ReviewRequested.class);
            letterReader = new AvroDeserializer<>(registry, DeadLetter.class);
            consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.endpoints().bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "pipeline-it-" + System.nanoTime(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.METADATA_MAX_AGE_CONFIG, 1000),
                    new StringDeserializer(), new ByteArrayDeserializer());
            consumer.subscribe(Pattern.compile("cutouts\\.published|review\\.requests|.*\\.dlq"));
        }

        void poll() {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                String topic = record.topic();
                if (topic.equals(Topics.CUTOUTS_PUBLISHED.name())) {
                    published.computeIfAbsent(record.key(), k -> new ArrayList<>())
                            .add(publishedReader.deserialize(topic, record.value()));
                } else if (topic.equals(Topics.REVIEW_REQUESTS.name())) {
                    reviewReader.deserialize(topic, record.value());
                    reviews.merge(record.key(), 1, Integer::sum);
                } else {
                    deadLetters.put(record.key(), letterReader.deserialize(topic, record.value()));
                }
            }
        }

        java.util.Set<String> finished() {
            java.util.Set<String> done = new java.util.HashSet<>(published.keySet());
            done.addAll(reviews.keySet());
            return done;
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}

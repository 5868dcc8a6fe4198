package dev.cutout.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cutout.common.image.ImageCodec;
import dev.cutout.common.store.Buckets;
import dev.cutout.common.store.ObjectRef;
import dev.cutout.common.store.ObjectStore;
import dev.cutout.local.EmbeddedObjectStore;
import java.nio.file.Path;
import dev.cutout.events.DeadLetterReason;
import dev.cutout.events.InferenceTiming;
import dev.cutout.events.MaskInferred;
import dev.cutout.events.MaskScored;
import dev.cutout.events.ModelRef;
import dev.cutout.events.QualityReason;
import dev.cutout.events.StudioMetadata;
import dev.cutout.vision.quality.EvidenceScorer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verifier's scoring core against a real S3 API server (s3proxy on a temporary folder). */
class MaskScoringIT {

    @TempDir
    static Path dataDir;

    private static EmbeddedObjectStore server;
    private static ObjectStore store;

    @BeforeAll
    static void startStore() {
        server = new EmbeddedObjectStore(EmbeddedObjectStore.Settings.defaults(dataDir).withPort(0)).start();
        store = ObjectStore.connect(server.clientConfig());
        store.ensureBuckets(Buckets.ALL);
    }

    @AfterAll
    static void stopStore() throws Exception {
        store.close();
        server.close();
    }


    private static final Instant NOW = Instant.parse("2025-05-01T12:00:00Z");

    private final ImageCodec codec = new ImageCodec();
    private final MaskScoring scoring = new MaskScoring(store, codec, new EvidenceScorer(),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void scoresAGoodMaskHighAndCarriesTheEventAlong() {
        ObjectRef photo = store.put("photos", "p1.png", codec.encodePng(square(Color.DARK_GRAY, Color.WHITE, 120)),
                "image/png");
        ObjectRef mask = store.put("masks", "p1/u2netp-3.png", codec.encodePng(square(Color.WHITE, Color.BLACK, 120)),
                "image/png");

        MaskScored scored = scoring.score(inferred(photo, mask));

        assertThat(scored.getScore()).isGreaterThan(0.9);
        assertThat(scored.getReasons()).isEmpty();
        assertThat(scored.getPhotoId()).isEqualTo("p1");
        assertThat(scored.getVerifierModel().getName()).isEqualTo(EvidenceScorer.NAME);
        assertThat(scored.getCluster()).isEqualTo(MaskScoring.UNCLUSTERED);
        assertThat(scored.getScoredAt()).isEqualTo(NOW);
        assertThat(scored.getModel().getVersion()).isEqualTo(3);
    }

    @Test
    void emptyMaskIsScoredZeroWithItsReason() {
        ObjectRef photo = store.put("photos", "p2.png", codec.encodePng(square(Color.DARK_GRAY, Color.WHITE, 120)),
                "image/png");
        ObjectRef mask = store.put("masks", "p2.png", codec.encodePng(square(Color.BLACK, Color.BLACK, 120)),
                "image/png");

        MaskScored scored = scoring.score(inferred(photo, mask));

        assertThat(scored.getScore()).isZero();
        assertThat(scored.getReasons()).containsExactly(QualityReason.EMPTY_MASK);
    }

    @Test
    void missingMaskIsUnprocessableWithItsReason() {
        ObjectRef photo = store.put("photos", "p3.png", codec.encodePng(square(Color.DARK_GRAY, Color.WHITE, 120)),
                "image/png");
        ObjectRef gone = new ObjectRef("masks", "p3.png", null, 10, "image/png");

        assertThatThrownBy(() -> scoring.score(inferred(photo, gone)))
                .isInstanceOfSatisfying(UnprocessableMaskException.class,
                        e -> assertThat(e.reason()).isEqualTo(DeadLetterReason.OBJECT_NOT_FOUND));
    }

    @Test
    void undecodableMaskIsUnprocessableWithItsReason() {
        ObjectRef photo = store.put("photos", "p4.png", codec.encodePng(square(Color.DARK_GRAY, Color.WHITE, 120)),
                "image/png");
        ObjectRef mask = store.put("masks", "p4.png", "not an image".getBytes(), "image/png");

        assertThatThrownBy(() -> scoring.score(inferred(photo, mask)))
                .isInstanceOfSatisfying(UnprocessableMaskException.class,
                        e -> assertThat(e.reason()).isIn(DeadLetterReason.IMAGE_DECODE_FAILED,
                                DeadLetterReason.IMAGE_REJECTED));
    }

    @Test
    void changedObjectIsAChecksumMismatch() {
        ObjectRef photo = store.put("photos", "p5.png", codec.encodePng(square(Color.DARK_GRAY, Color.WHITE, 120)),
                "image/png");
        ObjectRef mask = store.put("masks", "p5.png", codec.encodePng(square(Color.WHITE, Color.BLACK, 120)),
                "image/png");
        store.put("masks", "p5.png", codec.encodePng(square(Color.BLACK, Color.BLACK, 120)), "image/png");

        assertThatThrownBy(() -> scoring.score(inferred(photo, mask)))
                .isInstanceOfSatisfying(UnprocessableMaskException.class,
                        e -> assertThat(e.reason()).isEqualTo(DeadLetterReason.CHECKSUM_MISMATCH));
    }

    @Test
    void maskOfAnotherSizeIsAnInvalidEvent() {
        ObjectRef photo = store.put("photos", "p6.png", codec.encodePng(square(Color.DARK_GRAY, Color.WHITE, 120)),
                "image/png");
        ObjectRef mask = store.put("masks", "p6.png", codec.encodePng(square(Color.WHITE, Color.BLACK, 60)),
                "image/png");

        assertThatThrownBy(() -> scoring.score(inferred(photo, mask)))
                .isInstanceOfSatisfying(UnprocessableMaskException.class,
                        e -> assertThat(e.reason()).isEqualTo(DeadLetterReason.INVALID_EVENT));
    }

    @Test
    void scorerReasonsMapOntoTheEventEnumByName() {
        assertThat(MaskScoring.toEventReasons(List.of(dev.cutout.vision.quality.QualityReason.HOLES,
                dev.cutout.vision.quality.QualityReason.TOUCHES_BORDER)))
                .containsExactly(QualityReason.HOLES, QualityReason.TOUCHES_BORDER);
    }

    /** A {@code size}-pixel image with a centred square of {@code inside} on {@code outside}. */
    private static BufferedImage square(Color inside, Color outside, int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(outside);
        g.fillRect(0, 0, size, size);
        g.setColor(inside);
        g.fillRect(size / 4, size / 4, size / 2, size / 2);
        g.dispose();
        return image;
    }

    private static MaskInferred inferred(ObjectRef photo, ObjectRef mask) {
        return MaskInferred.newBuilder()
                .setPhotoId(photo.key().replace(".png", ""))
                .setPhoto(event(photo))
                .setMask(event(mask))
                .setModel(ModelRef.newBuilder().setName("u2netp").setVersion(3).build())
                .setMetadata(StudioMetadata.newBuilder().build())
                .setTiming(InferenceTiming.newBuilder().setQueueMillis(1).setPreprocessMillis(1).setInferenceMillis(1)
                        .setPostprocessMillis(1).setBatchSize(1).setInputWidth(320).setInputHeight(320)
                        .setDevice("cpu").build())
                .setInferredAt(NOW.minusSeconds(2))
                .build();
    }

    private static dev.cutout.events.ObjectRef event(ObjectRef ref) {
        return dev.cutout.events.ObjectRef.newBuilder().setBucket(ref.bucket()).setKey(ref.key())
                .setSha256(ref.sha256() == null ? "" : ref.sha256()).setSizeBytes(ref.size()).setWidth(null)
                .setHeight(null).setContentType(ref.contentType()).build();
    }
}

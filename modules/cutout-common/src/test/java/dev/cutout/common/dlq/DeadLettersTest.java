package dev.cutout.common.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutout.events.DeadLetter;
import dev.cutout.events.DeadLetterReason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class DeadLettersTest {

    @Test
    void letterPointsAtTheFailedRecordAndCarriesTheReason() {
        ConsumerRecord<byte[], byte[]> failed = new ConsumerRecord<>("masks.inferred", 2, 41L, 1_700_000_000_000L,
                TimestampType.CREATE_TIME, 8, 3, "photo-7".getBytes(StandardCharsets.UTF_8), new byte[] {1, 2, 3},
                new RecordHeaders(), Optional.empty());
        Instant before = Instant.now();

        DeadLetter letter = DeadLetters.of("cutout-verifier", failed, DeadLetterReason.OBJECT_NOT_FOUND,
                "mask masks/photo-7.png is gone", new IOException("404"));

        assertThat(letter.getSourceTopic()).isEqualTo("masks.inferred");
        assertThat(letter.getPartition()).isEqualTo(2);
        assertThat(letter.getOffset()).isEqualTo(41L);
        assertThat(letter.getKey()).isEqualTo("photo-7");
        assertThat(letter.getReason()).isEqualTo(DeadLetterReason.OBJECT_NOT_FOUND);
        assertThat(letter.getMessage()).isEqualTo("mask masks/photo-7.png is gone");
        assertThat(letter.getExceptionClass()).isEqualTo("java.io.IOException");
        assertThat(letter.getService()).isEqualTo("cutout-verifier");
        assertThat(letter.getAttempts()).isEqualTo(1);
        assertThat(letter.getRecordTimestamp()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_000L));
        assertThat(letter.getFailedAt()).isAfterOrEqualTo(before);
    }

    @Test
    void withoutMessageOrCauseTheReasonNamesTheProblem() {
        DeadLetter letter = DeadLetters.of("cutout-router", "review.decisions", 0, 5L, null, null,
                DeadLetterReason.INVALID_EVENT, null, null);

        assertThat(letter.getMessage()).isEqualTo("INVALID_EVENT");
        assertThat(letter.getKey()).isNull();
        assertThat(letter.getExceptionClass()).isNull();
        assertThat(letter.getRecordTimestamp()).isNull();
    }
}

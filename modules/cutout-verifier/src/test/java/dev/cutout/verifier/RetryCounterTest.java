package dev.cutout.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class RetryCounterTest {

    private static ConsumerRecord<String, byte[]> record(int partition, long offset) {
        return new ConsumerRecord<>("masks.inferred", partition, offset, "k", new byte[0]);
    }

    @Test
    void countsFailuresOfTheSameRecordInARow() {
        RetryCounter counter = new RetryCounter();
        assertThat(counter.failedAgain(record(0, 7))).isEqualTo(1);
        assertThat(counter.failedAgain(record(0, 7))).isEqualTo(2);
        // Another partition's records succeeding in between do not reset the count.
        counter.done(record(1, 3));
        assertThat(counter.failedAgain(record(0, 7))).isEqualTo(3);
    }

    @Test
    void startsOverForAnotherRecordOrAfterTheRecordIsDone() {
        RetryCounter counter = new RetryCounter();
        counter.failedAgain(record(0, 7));
        counter.failedAgain(record(0, 7));
        assertThat(counter.failedAgain(record(0, 8))).isEqualTo(1);
        counter.done(record(0, 8));
        assertThat(counter.failedAgain(record(0, 8))).isEqualTo(1);
    }
}

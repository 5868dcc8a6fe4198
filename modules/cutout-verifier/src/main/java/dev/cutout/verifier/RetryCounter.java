package dev.cutout.verifier;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Counts how often the same record has failed in a row. The loop retries one record at a time (it
 * rewinds to it), so remembering the last failed record is enough; the count ends when that record
 * succeeds or is given up on.
 */
final class RetryCounter {

    private String failing;
    private int failures;

    /** Records one more failure of {@code record}; returns how many times in a row it has failed. */
    int failedAgain(ConsumerRecord<?, ?> record) {
        String id = id(record);
        if (!id.equals(failing)) {
            failing = id;
            failures = 0;
        }
        return ++failures;
    }

    /** {@code record} was handled (scored or dead-lettered): its failures, if any, are over. */
    void done(ConsumerRecord<?, ?> record) {
        if (failing != null && failing.equals(id(record))) {
            failing = null;
            failures = 0;
        }
    }

    private static String id(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}

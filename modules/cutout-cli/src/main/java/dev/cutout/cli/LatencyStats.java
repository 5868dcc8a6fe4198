package dev.cutout.cli;

import java.util.Arrays;
import java.util.List;

/** Percentiles of measured latencies, nearest-rank, in milliseconds. */
record LatencyStats(int count, double p50, double p99, double mean) {

    static LatencyStats ofNanos(List<Long> nanos) {
        if (nanos.isEmpty()) {
            return new LatencyStats(0, Double.NaN, Double.NaN, Double.NaN);
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return new LatencyStats(sorted.length, rank(sorted, 0.50) / 1e6, rank(sorted, 0.99) / 1e6,
                Arrays.stream(sorted).average().orElse(0) / 1e6);
    }

    private static long rank(long[] sorted, double q) {
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}

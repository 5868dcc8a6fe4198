package dev.cutout.cli;

import java.lang.management.ManagementFactory;

/**
 * CPU time this process has used, all threads and cores together. The benches print it per photo: on a
 * machine whose cores are all busy, it explains a throughput better than wall time does.
 */
final class ProcessCpu {

    private ProcessCpu() {
    }

    /** Nanoseconds of CPU since the process started, or -1 where the JVM cannot tell. */
    static long nanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** Core-seconds per item between two {@link #nanos()} readings; NaN when either is unknown. */
    static double secondsPerItem(long startNanos, long endNanos, int items) {
        return startNanos < 0 || endNanos < 0 || items == 0 ? Double.NaN : (endNanos - startNanos) / 1e9 / items;
    }
}

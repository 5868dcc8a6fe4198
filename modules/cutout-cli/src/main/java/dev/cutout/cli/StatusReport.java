package dev.cutout.cli;

import java.io.PrintWriter;
import java.util.List;

/** Renders a {@link KafkaOverview.Snapshot} as the plain-text tables of `cutout status`. */
final class StatusReport {

    private StatusReport() {
    }

    static void print(String bootstrapServers, KafkaOverview.Snapshot s, PrintWriter out) {
        out.printf("Kafka %s  cluster %s  brokers %d%n%n", bootstrapServers, s.clusterId(), s.brokers());

        List<KafkaOverview.TopicRow> flow = s.topics().stream().filter(t -> !t.name().endsWith(".dlq")).toList();
        out.printf("%-28s %10s %14s %12s%n", "TOPIC", "PARTITIONS", "END OFFSETS", "RETAINED");
        for (KafkaOverview.TopicRow t : flow) {
            out.printf("%-28s %10d %14d %12d%n", t.name(), t.partitions(), t.endOffsets(), t.retained());
        }

        out.printf("%n%-28s %10s %14s %12s%n", "CONSUMER GROUP", "", "TOPIC", "LAG");
        if (s.lags().isEmpty()) {
            out.println("(no consumer group has committed offsets yet)");
        }
        for (KafkaOverview.LagRow l : s.lags()) {
            out.printf("%-28s %25s %12d%n", l.group(), l.topic(), l.lag());
        }

        List<KafkaOverview.TopicRow> dlq = s.deadLetterTopics();
        long dead = dlq.stream().mapToLong(KafkaOverview.TopicRow::retained).sum();
        out.printf("%n%-28s %10s %14s %12s%n", "DEAD-LETTER TOPIC", "PARTITIONS", "END OFFSETS", "RECORDS");
        for (KafkaOverview.TopicRow t : dlq) {
            out.printf("%-28s %10d %14d %12d%n", t.name(), t.partitions(), t.endOffsets(), t.retained());
        }
        out.printf("%ndead letters: %d%n", dead);
        out.flush();
    }
}

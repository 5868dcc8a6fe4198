package dev.cutout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

import dev.cutout.local.FlowTopics;
import dev.cutout.local.LocalStack;
import dev.cutout.local.LocalStackConfig;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `cutout status` against a running embedded stack with known offsets, lag and dead letters. */
class StatusCommandIT {

    @TempDir
    static Path dataDir;

    private static LocalStack stack;

    @BeforeAll
    static void startStackWithTraffic() throws Exception {
        stack = LocalStack.start(LocalStackConfig.onFreePorts(dataDir));
        String bootstrap = stack.endpoints().bootstrapServers();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
                new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 5; i++) {
                producer.send(new ProducerRecord<>(FlowTopics.PHOTOS_INGESTED, 0, "photo-" + i, "event")).get();
            }
            producer.send(new ProducerRecord<>(FlowTopics.dlqOf(FlowTopics.MASKS_INFERRED), 1, "photo-3", "bad")).get();
            producer.send(new ProducerRecord<>(FlowTopics.dlqOf(FlowTopics.MASKS_INFERRED), 2, "photo-4", "bad")).get();
        }
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.alterConsumerGroupOffsets("segmenter", Map.of(
                    new TopicPartition(FlowTopics.PHOTOS_INGESTED, 0), new OffsetAndMetadata(3))).all().get();
        }
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void showsTopicsOffsetsLagAndDeadLetters() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = CutoutCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));

        int exit = cli.execute("status", "--bootstrap-servers", stack.endpoints().bootstrapServers());

        String report = out.toString();
        assertThat(exit).as(err.toString()).isZero();
        assertThat(report).contains("cluster " + stack.clusterId());
        assertThat(report).containsPattern("(?m)^photos\\.ingested\\s+3\\s+5\\s+5$");
        assertThat(report).containsPattern("(?m)^models\\.released\\s+3\\s+0\\s+0$");
        assertThat(report).containsPattern("(?m)^segmenter\\s+photos\\.ingested\\s+2$");
        assertThat(report).containsPattern("(?m)^masks\\.inferred\\.dlq\\s+3\\s+2\\s+2$");
        assertThat(report).containsPattern("(?m)^photos\\.ingested\\.dlq\\s+3\\s+0\\s+0$");
        assertThat(report).contains("dead letters: 2");
    }
}

package dev.cutout.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaIT {

    @TempDir
    Path dir;

    private EmbeddedKafka.Settings settings() {
        int[] ports = Ports.freePorts(2);
        return EmbeddedKafka.Settings.defaults(dir.resolve("kafka")).withPorts(ports[0], ports[1]);
    }

    @Test
    void keepsClusterIdTopicsAndRecordsAcrossARestart() throws Exception {
        EmbeddedKafka.Settings settings = settings();
        String clusterId;
        try (EmbeddedKafka kafka = EmbeddedKafka.start(settings)) {
            clusterId = kafka.clusterId();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("kept", 1, (short) 1))).all().get();
                assertThat(admin.describeCluster().clusterId().get()).isEqualTo(clusterId);
            }
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    "bootstrap.servers", kafka.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("kept", "photo-1", "first")).get();
                producer.send(new ProducerRecord<>("kept", "photo-2", "second")).get();
            }
        }

        try (EmbeddedKafka kafka = EmbeddedKafka.start(settings)) {
            assertThat(kafka.clusterId()).isEqualTo(clusterId);
            assertThat(readAll(kafka.bootstrapServers(), "kept", 2)).containsExactly("first", "second");
        }
    }

    @Test
    void aBusyBrokerPortIsNamedInTheError() throws Exception {
        EmbeddedKafka.Settings settings = settings();
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress(InetAddress.getByName(settings.host()), settings.brokerPort()));

            assertThatThrownBy(() -> EmbeddedKafka.start(settings))
                    .isInstanceOf(PortInUseException.class)
                    .hasMessageContaining("Kafka broker port " + settings.brokerPort())
                    .satisfies(e -> assertThat(((PortInUseException) e).port()).isEqualTo(settings.brokerPort()));
        }
        assertThat(dir.resolve("kafka/meta.properties")).doesNotExist();
    }

    @Test
    void refusesTheSamePortForBrokerAndController() {
        assertThatThrownBy(() -> EmbeddedKafka.Settings.defaults(dir).withPorts(9092, 9092))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("9092");
    }

    private static List<String> readAll(String bootstrap, String topic, int expected) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap),
                new StringDeserializer(), new StringDeserializer())) {
            TopicPartition tp = new TopicPartition(topic, 0);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long deadline = System.currentTimeMillis() + 30_000;
            while (values.size() < expected && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    values.add(r.value());
                }
            }
        }
        return values;
    }
}

package dev.cutout.common.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutout.common.registry.AvroSerializer;
import dev.cutout.common.registry.SchemaRegistryClient;
import dev.cutout.common.registry.SchemaRegistryServer;
import dev.cutout.common.topic.Topics;
import dev.cutout.events.DeadLetter;
import dev.cutout.events.DeadLetterReason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.Test;

/** Dead letters through a real single-node KRaft broker. */
class DeadLetterProducerIT {

    @Test
    void sendsTheLetterToTheSourceTopicsDlqKeyedByPhotoId() throws Exception {
        try (KafkaClusterTestKit kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
                SchemaRegistryServer server = SchemaRegistryServer.inMemory(0).start()) {
            kafka.format();
            kafka.startup();
            kafka.waitForReadyBrokers();
            SchemaRegistryClient registry = new SchemaRegistryClient(server.url());

            try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(
                    Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                    new StringSerializer(), new AvroSerializer<>(registry))) {
                DeadLetterProducer dlq = new DeadLetterProducer(producer, "cutout-verifier");
                DeadLetter letter = DeadLetters.of("cutout-verifier", "masks.inferred", 0, 9L, "photo-9", null,
                        DeadLetterReason.IMAGE_DECODE_FAILED, "not a PNG", null);
                dlq.send(letter).get();
            }

            Map<String, Object> consumerConfig = Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            try (KafkaConsumer<String, DeadLetter> consumer = new KafkaConsumer<>(consumerConfig,
                    new StringDeserializer(), Topics.MASKS_INFERRED.dlq().deserializer(registry))) {
                consumer.subscribe(List.of("masks.inferred.dlq"));
                List<ConsumerRecord<String, DeadLetter>> read = new ArrayList<>();
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (read.isEmpty() && System.nanoTime() < deadline) {
                    consumer.poll(Duration.ofMillis(500)).forEach(read::add);
                }

                assertThat(read).hasSize(1);
                assertThat(read.get(0).key()).isEqualTo("photo-9");
                assertThat(read.get(0).value().getReason()).isEqualTo(DeadLetterReason.IMAGE_DECODE_FAILED);
                assertThat(read.get(0).value().getService()).isEqualTo("cutout-verifier");
            }
        }
    }
}

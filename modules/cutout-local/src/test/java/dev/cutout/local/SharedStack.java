package dev.cutout.local;

import dev.cutout.common.store.ObjectStore;
import dev.cutout.common.store.ObjectStoreConfig;
import dev.cutout.common.store.ObjectSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One local stack for all the ITs of a module's test run: starting one takes about a minute on a busy
 * machine. Before each test every topic is emptied and every bucket cleared, so each test sees the stack
 * as new except for offsets, which keep counting (no compacted topics, so that all of them can be emptied).
 * Inject it as a {@link LocalStack} test method parameter. Shared with the service modules' ITs through this
 * module's test jar.
 */
public final class SharedStack implements BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedStack.class);

    /** Closed by JUnit when the whole test run is over. */
    private record Running(LocalStack stack, Path dir) implements AutoCloseable {

        static Running start() {
            try {
                Path dir = Files.createTempDirectory("cutout-it-stack");
                return new Running(LocalStack.start(LocalStackConfig.onFreePorts(dir)
                        .with(Map.of(LocalStackConfig.TOPICS_COMPACTED, ""))), dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            stack.close();
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    private static LocalStack stack(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Running.class, key -> Running.start(), Running.class).stack();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        LocalStack stack = stack(context);
        emptyTopics(stack);
        emptyBuckets(stack.endpoints());
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return stack(context);
    }

    private static void emptyTopics(LocalStack stack) throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers",
                stack.endpoints().bootstrapServers()))) {
            List<String> topics = stack.topics().stream().map(TopicSpec::name).toList();
            Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(topics).allTopicNames().get().values()
                    .stream()
                    .flatMap(topic -> topic.partitions().stream()
                            .map(p -> new TopicPartition(topic.name(), p.partition())))
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
            Map<TopicPartition, RecordsToDelete> ends = admin.listOffsets(latest).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey,
                            e -> RecordsToDelete.beforeOffset(e.getValue().offset())));
            admin.deleteRecords(ends).all().get();
        }
    }

    private static void emptyBuckets(LocalEndpoints endpoints) {
        ObjectStore store = ObjectStore.connect(ObjectStoreConfig.of(endpoints.s3Endpoint(), endpoints.s3AccessKey(),
                endpoints.s3SecretKey()));
        try {
            for (String bucket : LocalStack.BUCKETS) {
                for (ObjectSummary object : store.list(bucket, "")) {
                    store.delete(bucket, object.key());
                }
            }
        } finally {
            store.close();
        }
    }
}

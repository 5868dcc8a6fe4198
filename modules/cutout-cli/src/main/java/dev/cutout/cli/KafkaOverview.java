package dev.cutout.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.TopicPartition;

/** Reads, through the Admin API, what `cutout status` shows: topics, their offsets and the groups' lag. */
final class KafkaOverview {

    /** One topic: partitions, the sum of its end offsets, and how many records it still holds. */
    record TopicRow(String name, int partitions, long endOffsets, long retained) {
    }

    /** A consumer group's lag on one topic, summed over the partitions it has committed on. */
    record LagRow(String group, String topic, long committed, long lag) {
    }

    record Snapshot(String clusterId, int brokers, List<TopicRow> topics, List<LagRow> lags) {
        List<TopicRow> deadLetterTopics() {
            return topics.stream().filter(t -> t.name().endsWith(".dlq")).toList();
        }
    }

    private final Admin admin;
    private final long timeoutMs;

    KafkaOverview(Admin admin, long timeoutMs) {
        this.admin = admin;
        this.timeoutMs = timeoutMs;
    }

    Snapshot read() throws ExecutionException, InterruptedException, TimeoutException {
        String clusterId = get(admin.describeCluster().clusterId());
        int brokers = get(admin.describeCluster().nodes()).size();
        Set<String> names = get(admin.listTopics().names());
        Map<String, TopicDescription> descriptions = get(admin.describeTopics(names).allTopicNames());
        List<TopicPartition> partitions = descriptions.values().stream()
                .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                .toList();
        Map<TopicPartition, Long> end = offsets(partitions, OffsetSpec.latest());
        Map<TopicPartition, Long> start = offsets(partitions, OffsetSpec.earliest());

        List<TopicRow> topics = new ArrayList<>();
        for (TopicDescription d : new TreeMap<>(descriptions).values()) {
            long endSum = 0;
            long retained = 0;
            for (var p : d.partitions()) {
                TopicPartition tp = new TopicPartition(d.name(), p.partition());
                endSum += end.getOrDefault(tp, 0L);
                retained += end.getOrDefault(tp, 0L) - start.getOrDefault(tp, 0L);
            }
            topics.add(new TopicRow(d.name(), d.partitions().size(), endSum, retained));
        }
        return new Snapshot(clusterId, brokers, List.copyOf(topics), lags(end));
    }

    private List<LagRow> lags(Map<TopicPartition, Long> end)
            throws ExecutionException, InterruptedException, TimeoutException {
        Collection<GroupListing> groups = get(admin.listGroups().all());
        List<LagRow> rows = new ArrayList<>();
        for (GroupListing group : groups) {
            if (group.type().filter(t -> t == GroupType.SHARE).isPresent()) {
                continue; // share groups track acknowledgements, not committed offsets
            }
            Map<TopicPartition, OffsetAndMetadata> committed =
                    get(admin.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata());
            Map<String, long[]> perTopic = new TreeMap<>();
            committed.forEach((tp, offset) -> {
                if (offset == null) {
                    return;
                }
                long[] sums = perTopic.computeIfAbsent(tp.topic(), t -> new long[2]);
                sums[0] += offset.offset();
                sums[1] += Math.max(0, end.getOrDefault(tp, offset.offset()) - offset.offset());
            });
            perTopic.forEach((topic, sums) -> rows.add(new LagRow(group.groupId(), topic, sums[0], sums[1])));
        }
        rows.sort((a, b) -> a.group().equals(b.group())
                ? a.topic().compareTo(b.topic())
                : a.group().compareTo(b.group()));
        return List.copyOf(rows);
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec)
            throws ExecutionException, InterruptedException, TimeoutException {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> request = partitions.stream()
                .collect(Collectors.toMap(tp -> tp, tp -> spec));
        Map<TopicPartition, ListOffsetsResultInfo> result = get(admin.listOffsets(request).all());
        Map<TopicPartition, Long> offsets = new HashMap<>();
        result.forEach((tp, info) -> offsets.put(tp, info.offset()));
        return offsets;
    }

    private <T> T get(org.apache.kafka.common.KafkaFuture<T> future)
            throws ExecutionException, InterruptedException, TimeoutException {
        return future.get(timeoutMs, TimeUnit.MILLISECONDS);
    }
}

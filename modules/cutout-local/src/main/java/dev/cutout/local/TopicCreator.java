package dev.cutout.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the topics that do not exist yet; existing topics are left as they are. */
public final class TopicCreator {

    private static final Logger log = LoggerFactory.getLogger(TopicCreator.class);
    private static final long TIMEOUT_S = 30;

    private TopicCreator() {
    }

    /** Returns the names of the topics it created. */
    public static List<String> ensure(Admin admin, List<TopicSpec> specs) {
        try {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT_S, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (TopicSpec spec : specs) {
                if (!existing.contains(spec.name())) {
                    missing.add(spec.toNewTopic());
                }
            }
            warnAboutFewerPartitions(admin, specs, existing);
            if (!missing.isEmpty()) {
                createAll(admin, missing);
            }
            return missing.stream().map(NewTopic::name).toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not create the topics: " + e.getMessage(), e);
        }
    }

    private static void createAll(Admin admin, List<NewTopic> missing)
            throws InterruptedException, ExecutionException, TimeoutException {
        try {
            admin.createTopics(missing).all().get(TIMEOUT_S, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            // Another process may have created some in between; that is what we wanted anyway.
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    private static void warnAboutFewerPartitions(Admin admin, List<TopicSpec> specs, Set<String> existing)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<String> present = specs.stream().map(TopicSpec::name).filter(existing::contains).toList();
        if (present.isEmpty()) {
            return;
        }
        Map<String, TopicDescription> described =
                admin.describeTopics(present).allTopicNames().get(TIMEOUT_S, TimeUnit.SECONDS);
        for (TopicSpec spec : specs) {
            TopicDescription d = described.get(spec.name());
            if (d != null && d.partitions().size() != spec.partitions()) {
                log.warn("topic {} has {} partitions, the config asks for {}; it is kept as it is",
                        spec.name(), d.partitions().size(), spec.partitions());
            }
        }
    }
}

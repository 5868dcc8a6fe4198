package dev.cutout.router;

import dev.cutout.events.DeadLetter;

/**
 * Where the router's error handlers put the records they give up on. Kafka Streams 4.1 handlers
 * cannot emit records through the topology, so they hand each letter to a sink that the
 * {@link RouterService} passes in the streams properties under {@link #CONFIG_KEY}.
 */
public interface DeadLetterSink extends AutoCloseable {

    /** The streams property holding the sink instance. */
    String CONFIG_KEY = "cutout.router.dead.letter.sink";

    /** Writes {@code letter} to the dead-letter topic of its source topic; returns once it is stored. */
    void send(DeadLetter letter);

    @Override
    void close();

    /** The sink in a handler's {@code configure} map; fails clearly when the service did not put one there. */
    static DeadLetterSink from(java.util.Map<String, ?> configs) {
        Object sink = configs.get(CONFIG_KEY);
        if (sink instanceof DeadLetterSink deadLetterSink) {
            return deadLetterSink;
        }
        throw new org.apache.kafka.common.config.ConfigException(CONFIG_KEY, sink,
                "the router's error handlers need a DeadLetterSink instance under this key");
    }
}

package dev.cutout.cli;

import dev.cutout.local.LocalStack;

/**
 * A Cutout service that `cutout up` runs inside the stack's JVM, after the servers, topics and buckets
 * are in place. Services are started in the order of {@link EmbeddedServices#all} and stopped in reverse,
 * before the servers.
 */
public interface EmbeddedService {

    /** Short name shown at start and stop, e.g. "segmenter". */
    String name();

    /** Starts the service against {@code stack} (see {@link LocalStack#endpoints()}); closing it stops it. */
    AutoCloseable start(LocalStack stack, UpOptions options) throws Exception;
}

package dev.cutout.common.registry;

import org.apache.avro.Schema;

/**
 * One version of a subject: the schema registered under {@code subject} as {@code version},
 * known everywhere by its global {@code id}.
 */
public record SubjectVersion(String subject, int version, int id, Schema schema) {}

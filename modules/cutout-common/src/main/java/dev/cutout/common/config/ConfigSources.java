package dev.cutout.common.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Where configuration values come from: properties files and {@code CUTOUT_*} environment variables,
 * layered so that later sources win (file, then environment, then command-line flags).
 *
 * <p>An environment variable names a key in upper case with dots as underscores behind the
 * {@code CUTOUT_} prefix: {@code CUTOUT_KAFKA_BOOTSTRAP_SERVERS} sets {@code kafka.bootstrap.servers}.
 */
public final class ConfigSources {

    public static final String ENV_PREFIX = "CUTOUT_";

    private ConfigSources() {
    }

    /** The {@code CUTOUT_*} variables of {@code env} as config keys; other variables are ignored. */
    public static Map<String, String> fromEnvironment(Map<String, String> env) {
        Map<String, String> values = new HashMap<>();
        env.forEach((name, value) -> {
            if (name.startsWith(ENV_PREFIX) && name.length() > ENV_PREFIX.length()) {
                values.put(keyOf(name), value);
            }
        });
        return values;
    }

    /** The entries of a properties file. */
    public static Map<String, String> fromProperties(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read configuration file " + file.toAbsolutePath(), e);
        }
        Map<String, String> values = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name).trim()));
        return values;
    }

    /** The layers merged; a key in a later layer overrides the same key in an earlier one. */
    @SafeVarargs
    public static Map<String, Object> layered(Map<String, ?>... layers) {
        Map<String, Object> merged = new LinkedHashMap<>();
        for (Map<String, ?> layer : layers) {
            merged.putAll(layer);
        }
        return merged;
    }

    /** {@code kafka.bootstrap.servers} -> {@code CUTOUT_KAFKA_BOOTSTRAP_SERVERS}. */
    public static String envName(String key) {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** {@code CUTOUT_KAFKA_BOOTSTRAP_SERVERS} -> {@code kafka.bootstrap.servers}. */
    public static String keyOf(String envName) {
        return envName.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
    }
}

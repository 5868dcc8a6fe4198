package dev.cutout.common.config;

import dev.cutout.common.store.ObjectStoreConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.common.config.types.Password;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base of every service's typed configuration: built from a map (see {@link ConfigSources}), validated
 * against a {@link ConfigDef} that includes {@link CommonConfig}'s keys, and able to print itself with
 * secrets hidden. A service subclass adds typed accessors for its own keys:
 *
 * <pre>{@code
 * public final class SegmenterConfig extends CutoutConfig {
 *     static final ConfigDef DEFINITION = CommonConfig.definition()
 *             .define("max.batch.delay.ms", Type.LONG, 50L, Range.atLeast(0), MEDIUM, "...");
 *     public SegmenterConfig(Map<String, ?> values) { super("segmenter", DEFINITION, values); }
 *     public Duration maxBatchDelay() { return Duration.ofMillis(getLong("max.batch.delay.ms")); }
 * }
 * }</pre>
 */
public abstract class CutoutConfig extends AbstractConfig {

    private static final Logger LOG = LoggerFactory.getLogger(CutoutConfig.class);
    private static final String HIDDEN = "[hidden]";

    private final String service;
    private final ConfigDef definition;

    /**
     * @throws ConfigValidationException listing every missing or invalid value at once
     */
    protected CutoutConfig(String service, ConfigDef definition, Map<String, ?> values) {
        super(definition, checked(service, definition, values), false);
        this.service = service;
        this.definition = definition;
    }

    private static Map<String, ?> checked(String service, ConfigDef definition, Map<String, ?> values) {
        try {
            definition.parse(values);
            return values;
        } catch (ConfigException first) {
            // parse() stops at the first problem; validate() reports them all, so one restart fixes them.
            List<String> problems = new ArrayList<>();
            for (ConfigValue value : definition.validate(asStrings(values))) {
                // The first message per key is the cause; Kafka adds follow-ups such as "must be non-null".
                if (!value.errorMessages().isEmpty()) {
                    problems.add(value.errorMessages().get(0) + " (environment variable "
                            + ConfigSources.envName(value.name()) + ")");
                }
            }
            if (problems.isEmpty()) {
                problems.add(first.getMessage());
            }
            throw new ConfigValidationException(service, problems);
        }
    }

    private static Map<String, String> asStrings(Map<String, ?> values) {
        Map<String, String> strings = new TreeMap<>();
        values.forEach((key, value) -> {
            if (value instanceof List<?> list) {
                strings.put(key, String.join(",", list.stream().map(String::valueOf).toList()));
            } else if (value instanceof Password password) {
                strings.put(key, password.value());
            } else if (value instanceof Class<?> type) {
                strings.put(key, type.getName());
            } else if (value != null) {
                strings.put(key, value.toString());
            }
        });
        return strings;
    }

    /** The service this configuration belongs to, as named in messages and logs. */
    public String service() {
        return service;
    }

    public ConfigDef definition() {
        return definition;
    }

    /** Every defined key with its value, one {@code key = value} line each, sorted, secrets as [hidden]. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        for (String key : new TreeSet<>(definition.names())) {
            text.append(key).append(" = ").append(display(key)).append('\n');
        }
        return text.toString();
    }

    private String display(String key) {
        Object value = values().get(key);
        if (value == null) {
            return "null";
        }
        if (definition.configKeys().get(key).type == ConfigDef.Type.PASSWORD || looksSecret(key)) {
            return HIDDEN;
        }
        if (value instanceof List<?> list) {
            return String.join(",", list.stream().map(String::valueOf).toList());
        }
        return value.toString();
    }

    /** A guard for secrets declared with a non-password type by mistake. */
    private static boolean looksSecret(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return lower.contains("password") || lower.contains("secret") || lower.endsWith(".token");
    }

    /** Keys that were given but are not defined (likely typos), except Kafka client pass-through keys. */
    public List<String> unknownKeys() {
        List<String> unknown = new ArrayList<>();
        for (Object key : new TreeSet<>(originals().keySet())) {
            String name = key.toString();
            if (!definition.names().contains(name) && !name.startsWith(CommonConfig.KAFKA_PREFIX)) {
                unknown.add(name);
            }
        }
        return unknown;
    }

    /** Logs the configuration (secrets hidden) and warns about unknown keys; call once at start. */
    public void logAtStart() {
        logAtStart(LOG);
    }

    public void logAtStart(Logger logger) {
        logger.info("{} configuration:\n{}", service, describe().indent(4).stripTrailing());
        for (String key : unknownKeys()) {
            logger.warn("{}: unknown configuration key '{}' is ignored (typo? see the configuration reference)",
                    service, key);
        }
    }

    @Override
    public String toString() {
        return service + " configuration: " + describe().strip().replace("\n", ", ");
    }

    public List<String> kafkaBootstrapServers() {
        return getList(CommonConfig.KAFKA_BOOTSTRAP_SERVERS);
    }

    /**
     * Properties for a Kafka client: {@code bootstrap.servers} plus every other {@code kafka.*} key with
     * the prefix removed (security settings, client tuning).
     */
    public Map<String, Object> kafkaClientProperties() {
        Map<String, Object> properties = new TreeMap<>(originalsWithPrefix(CommonConfig.KAFKA_PREFIX));
        properties.put("bootstrap.servers", String.join(",", kafkaBootstrapServers()));
        return properties;
    }

    public String schemaRegistryUrl() {
        return getString(CommonConfig.SCHEMA_REGISTRY_URL);
    }

    public ObjectStoreConfig objectStoreConfig() {
        return new ObjectStoreConfig(
                getString(CommonConfig.S3_ENDPOINT),
                getString(CommonConfig.S3_ACCESS_KEY),
                getPassword(CommonConfig.S3_SECRET_KEY).value(),
                getString(CommonConfig.S3_REGION),
                getInt(CommonConfig.S3_RETRY_ATTEMPTS),
                Duration.ofMillis(getLong(CommonConfig.S3_RETRY_BACKOFF_MS)),
                Duration.ofMillis(getLong(CommonConfig.S3_REQUEST_TIMEOUT_MS)));
    }
}

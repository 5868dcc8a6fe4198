package dev.cutout.local;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.cutout.common.config.CommonConfig;
import dev.cutout.common.config.ConfigSources;

/**
 * Where a running local stack answers: what a client, a service or a second terminal needs to reach it.
 *
 * @param bootstrapServers  Kafka bootstrap servers, host:port
 * @param schemaRegistryUrl base URL of the Confluent-API schema registry
 * @param s3Endpoint        base URL of the S3 API
 * @param s3AccessKey       S3 access key
 * @param s3SecretKey       S3 secret key
 * @param dataDir           where the stack keeps its data
 */
public record LocalEndpoints(String bootstrapServers, String schemaRegistryUrl, String s3Endpoint,
                             String s3AccessKey, String s3SecretKey, Path dataDir) {

    /** Environment variable name to value, for a service or a shell pointed at this stack. */
    public Map<String, String> asEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(ConfigSources.envName(CommonConfig.KAFKA_BOOTSTRAP_SERVERS), bootstrapServers);
        env.put(ConfigSources.envName(CommonConfig.SCHEMA_REGISTRY_URL), schemaRegistryUrl);
        env.put(ConfigSources.envName(CommonConfig.S3_ENDPOINT), s3Endpoint);
        env.put(ConfigSources.envName(CommonConfig.S3_ACCESS_KEY), s3AccessKey);
        env.put(ConfigSources.envName(CommonConfig.S3_SECRET_KEY), s3SecretKey);
        return env;
    }

    /** Config key to value, the same settings as {@link #asEnvironment()} in the form a service config reads. */
    public Map<String, String> asConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put(CommonConfig.KAFKA_BOOTSTRAP_SERVERS, bootstrapServers);
        config.put(CommonConfig.SCHEMA_REGISTRY_URL, schemaRegistryUrl);
        config.put(CommonConfig.S3_ENDPOINT, s3Endpoint);
        config.put(CommonConfig.S3_ACCESS_KEY, s3AccessKey);
        config.put(CommonConfig.S3_SECRET_KEY, s3SecretKey);
        return config;
    }
}

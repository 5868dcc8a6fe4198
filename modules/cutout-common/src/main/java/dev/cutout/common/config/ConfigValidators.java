package dev.cutout.common.config;

import java.net.URI;
import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Validators for the value shapes Kafka's ConfigDef does not check by itself. */
public final class ConfigValidators {

    private ConfigValidators() {
    }

    /** An absolute http or https URL with a host. */
    public static ConfigDef.Validator httpUrl() {
        return new ConfigDef.Validator() {
            @Override
            public void ensureValid(String name, Object value) {
                if (value == null) {
                    return;
                }
                String text = value.toString().trim();
                try {
                    URI uri = new URI(text);
                    if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                        return;
                    }
                } catch (java.net.URISyntaxException e) {
                    // reported below
                }
                throw new ConfigException(name, value, "must be an http:// or https:// URL with a host, e.g. http://localhost:9000");
            }

            @Override
            public String toString() {
                return "http(s) URL";
            }
        };
    }

    /** A non-empty list of host:port entries, as in Kafka's bootstrap.servers. */
    public static ConfigDef.Validator hostPortList() {
        return new ConfigDef.Validator() {
            @Override
            public void ensureValid(String name, Object value) {
                if (value == null) {
                    return;
                }
                @SuppressWarnings("unchecked")
                List<String> entries = value instanceof List<?> ? (List<String>) value : List.of(value.toString().split(","));
                if (entries.isEmpty()) {
                    throw new ConfigException(name, value, "must list at least one host:port");
                }
                for (String entry : entries) {
                    String trimmed = entry.trim();
                    int colon = trimmed.lastIndexOf(':');
                    if (colon <= 0 || !isPort(trimmed.substring(colon + 1))) {
                        throw new ConfigException(name, value, "'" + trimmed + "' is not host:port");
                    }
                }
            }

            @Override
            public String toString() {
                return "host:port[,host:port...]";
            }
        };
    }

    private static boolean isPort(String text) {
        try {
            int port = Integer.parseInt(text);
            return port >= 1 && port <= 65535;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}

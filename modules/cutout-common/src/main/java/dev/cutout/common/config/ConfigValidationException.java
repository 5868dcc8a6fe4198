package dev.cutout.common.config;

import java.util.List;
import org.apache.kafka.common.config.ConfigException;

/** A service configuration with one or more invalid or missing values, all of them listed. */
public class ConfigValidationException extends ConfigException {

    private final List<String> problems;

    public ConfigValidationException(String service, List<String> problems) {
        super("Invalid configuration for " + service + ":\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    /** One line per problem, each naming its key and how to set it. */
    public List<String> problems() {
        return problems;
    }
}

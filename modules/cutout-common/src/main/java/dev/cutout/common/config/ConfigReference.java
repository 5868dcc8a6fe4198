package dev.cutout.common.config;

import java.util.Comparator;
import org.apache.kafka.common.config.ConfigDef;

/** Renders a {@link ConfigDef} as a Markdown table for the README's configuration reference. */
public final class ConfigReference {

    private ConfigReference() {
    }

    public static String markdown(ConfigDef definition) {
        StringBuilder table = new StringBuilder("| key | environment | type | default | valid values | description |\n")
                .append("| --- | --- | --- | --- | --- | --- |\n");
        definition.configKeys().values().stream()
                .sorted(Comparator.comparing(key -> key.name))
                .forEach(key -> table.append("| `").append(key.name).append("` | `")
                        .append(ConfigSources.envName(key.name)).append("` | ")
                        .append(key.type.name().toLowerCase(java.util.Locale.ROOT)).append(" | ")
                        .append(defaultOf(key)).append(" | ")
                        .append(key.validator == null ? "" : key.validator.toString().replace("|", "\\|")).append(" | ")
                        .append(key.documentation == null ? "" : key.documentation.replace("|", "\\|"))
                        .append(" |\n"));
        return table.toString();
    }

    private static String defaultOf(ConfigDef.ConfigKey key) {
        if (!key.hasDefault()) {
            return "(required)";
        }
        if (key.type == ConfigDef.Type.PASSWORD) {
            return "[hidden]";
        }
        return key.defaultValue == null ? "" : "`" + ConfigDef.convertToString(key.defaultValue, key.type) + "`";
    }
}

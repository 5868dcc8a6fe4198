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

    /** The table of the keys a service adds to {@link CommonConfig}'s shared ones. */
    public static String markdownOfServiceKeys(ConfigDef service) {
        ConfigDef own = new ConfigDef();
        java.util.Set<String> shared = CommonConfig.definition().names();
        service.configKeys().values().stream().filter(key -> !shared.contains(key.name)).forEach(own::define);
        return markdown(own);
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

package dev.cutout.cli;

import dev.cutout.ingest.IngestConfig;
import dev.cutout.publisher.PublisherConfig;
import dev.cutout.router.RouterConfig;
import dev.cutout.segmenter.SegmenterConfig;
import dev.cutout.verifier.VerifierConfig;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.cutout.common.config.CommonConfig;
import dev.cutout.common.config.ConfigReference;
import dev.cutout.local.LocalStackConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.Test;

/** The README's configuration tables are generated from the ConfigDefs; this keeps them in step. */
class ReadmeConfigReferenceTest {

    @Test
    void sharedKeysTableMatchesCommonConfig() throws IOException {
        assertThat(section("common")).as(hint("common", CommonConfig.definition()))
                .isEqualTo(ConfigReference.markdown(CommonConfig.definition()).strip());
    }

    @Test
    void embeddedStackTableMatchesLocalStackConfig() throws IOException {
        assertThat(section("local")).as(hint("local", LocalStackConfig.DEFINITION))
                .isEqualTo(ConfigReference.markdown(LocalStackConfig.DEFINITION).strip());
    }

    @ParameterizedTest
    @MethodSource("services")
    void serviceKeysTablesMatchTheServiceConfigs(String name, ConfigDef definition) throws IOException {
        assertThat(section(name)).as(hint(name, definition))
                .isEqualTo(ConfigReference.markdownOfServiceKeys(definition).strip());
    }

    static Stream<Arguments> services() {
        return Stream.of(
                Arguments.of("ingest", IngestConfig.DEFINITION),
                Arguments.of("segmenter", SegmenterConfig.DEFINITION),
                Arguments.of("verifier", VerifierConfig.DEFINITION),
                Arguments.of("router", RouterConfig.DEFINITION),
                Arguments.of("publisher", PublisherConfig.DEFINITION));
    }

    private static String hint(String name, ConfigDef definition) {
        String expected = name.equals("common") || name.equals("local") ? ConfigReference.markdown(definition)
                : ConfigReference.markdownOfServiceKeys(definition);
        return "README.md between <!-- config:" + name + " --> and <!-- /config:" + name
                + " --> should read:\n" + expected;
    }

    private static String section(String name) throws IOException {
        String readme = Files.readString(readme());
        Matcher m = Pattern.compile("<!-- config:" + name + " -->\\n(.*?)\\n<!-- /config:" + name + " -->",
                Pattern.DOTALL).matcher(readme);
        assertThat(m.find()).as("markers of the %s table in README.md", name).isTrue();
        return m.group(1).strip();
    }

    private static Path readme() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("modules"))) {
                return dir.resolve("README.md");
            }
        }
        throw new IllegalStateException("no README.md above " + Path.of("").toAbsolutePath());
    }
}

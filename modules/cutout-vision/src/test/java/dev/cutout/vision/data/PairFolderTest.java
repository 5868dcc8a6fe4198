package dev.cutout.vision.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PairFolderTest {

    @TempDir
    Path dir;

    @Test
    void listsPairsSortedAndGroupsCarvanaViewsByCar() throws IOException {
        PairFolder folder = SyntheticPairs.write(dir, 2, 3, 40, 30, 1);
        var pairs = folder.pairs();
        assertThat(pairs).extracting(PairFolder.Pair::name)
                .containsExactly("g000_01", "g000_02", "g000_03", "g001_01", "g001_02", "g001_03");
        assertThat(pairs).extracting(PairFolder.Pair::group).containsOnly("g000", "g001");
        assertThat(folder.name()).isEqualTo(dir.getFileName().toString());
    }

    @Test
    void namesWithoutAViewSuffixAreTheirOwnGroup() {
        assertThat(PairFolder.groupOf("sun_abc_1234")).isEqualTo("sun_abc_1234");
        assertThat(PairFolder.groupOf("0cdf5b5d0ce1_14")).isEqualTo("0cdf5b5d0ce1");
    }

    @Test
    void aPhotoWithoutItsMaskIsAnError() throws IOException {
        PairFolder folder = SyntheticPairs.write(dir, 1, 2, 40, 30, 1);
        Files.delete(dir.resolve("masks").resolve("g000_02.png"));
        assertThatThrownBy(folder::pairs).isInstanceOf(IOException.class).hasMessageContaining("g000_02");
    }

    @Test
    void parsesAnOptionalWeight() {
        assertThat(PairFolder.parse("/data/duts-train:2.5").weight()).isEqualTo(2.5);
        assertThat(PairFolder.parse("/data/duts-train").weight()).isEqualTo(1.0);
        assertThat(PairFolder.parse("/data/duts-train:2.5").images()).isEqualTo(Path.of("/data/duts-train/images"));
        assertThatThrownBy(() -> PairFolder.parse("/data/x:0")).isInstanceOf(IllegalArgumentException.class);
    }
}

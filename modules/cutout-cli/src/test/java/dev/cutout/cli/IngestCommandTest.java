package dev.cutout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutout.local.Ports;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `cutout ingest` and `cutout bench` without a stack: options, and what a user sees when nothing answers. */
class IngestCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = CutoutCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void anUnreachableStackIsOneLineAndExitCode2(@TempDir Path folder) throws Exception {
        Files.write(folder.resolve("a.jpg"), new byte[] {1, 2, 3});
        int closedPort = Ports.freePort();

        int exit = run("ingest", folder.toString(), "--url", "http://localhost:" + closedPort);

        assertThat(exit).isEqualTo(FriendlyErrors.EXIT_USER_ERROR);
        assertThat(err.toString().strip()).isEqualTo(
                "cutout: no Cutout ingest answered at http://localhost:" + closedPort
                        + "/photos; is `./cutout up` running? (or pass --url)");
    }

    @Test
    void aFolderWithoutPhotosIsAUserError(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("notes.txt"), "no photo here");

        assertThat(run("ingest", folder.toString())).isEqualTo(FriendlyErrors.EXIT_USER_ERROR);
        assertThat(err.toString()).contains("no photos (JPEG, PNG, WebP, TIFF) in " + folder);
    }

    @Test
    void anUnknownProfileIsRefusedBeforeAnyUpload(@TempDir Path folder) throws Exception {
        Files.write(folder.resolve("a.jpg"), new byte[] {1, 2, 3});

        assertThat(run("ingest", folder.toString(), "--profile", "sepia")).isEqualTo(FriendlyErrors.EXIT_USER_ERROR);
        assertThat(err.toString()).contains("--profile must be one of transparent, white-jpeg, got sepia");
    }

    @Test
    void uploadAnswersBecomeReasons() {
        PhotoUploader.Upload refused = PhotoUploader.parse(422,
                "{\"photoId\":\"ab\",\"error\":\"image_rejected\",\"reason\":\"EMPTY\",\"message\":\"no bytes\"}");
        PhotoUploader.Upload tooLarge = PhotoUploader.parse(413, "{\"error\":\"too_large\",\"message\":\"over 5\"}");
        PhotoUploader.Upload accepted = PhotoUploader.parse(202, "{\"photoId\":\"ab\",\"duplicate\":true}");

        assertThat(refused.accepted()).isFalse();
        assertThat(refused.reason()).isEqualTo("EMPTY: no bytes");
        assertThat(tooLarge.reason()).isEqualTo("TOO_LARGE: over 5");
        assertThat(accepted.accepted()).isTrue();
        assertThat(accepted.photoId()).isEqualTo("ab");
        assertThat(accepted.duplicate()).isTrue();
    }

    @Test
    void benchHelpDocumentsThePipelineMode() {
        assertThat(run("bench", "--help")).isZero();

        assertThat(out.toString()).contains("--pipeline").contains("cutouts.published");
    }
}

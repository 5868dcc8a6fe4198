package dev.cutout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code cutout remove} on a folder with the shipped model: outputs, skipping, and a bad file. */
class RemoveCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private Path in;
    private Path output;

    @BeforeEach
    void photos() throws Exception {
        in = Files.createDirectories(dir.resolve("in"));
        output = dir.resolve("out");
        for (String name : new String[] {"red", "blue"}) {
            BufferedImage photo = new BufferedImage(240, 160, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = photo.createGraphics();
            g.setColor(new Color(235, 235, 235));
            g.fillRect(0, 0, 240, 160);
            g.setColor(name.equals("red") ? new Color(200, 20, 20) : new Color(20, 20, 200));
            g.fillRoundRect(70, 40, 100, 80, 20, 20);
            g.dispose();
            ImageIO.write(photo, "jpg", in.resolve(name + ".jpg").toFile());
        }
        byte[] jpeg = Files.readAllBytes(in.resolve("red.jpg"));
        Files.write(in.resolve("broken.jpg"), java.util.Arrays.copyOf(jpeg, jpeg.length / 3));
        Files.writeString(in.resolve("notes.txt"), "not a photo");
    }

    private int run(String... args) {
        CommandLine cli = CutoutCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void writesSameSizeRgbaPngsReportsTheBadFileAndSkipsWhatIsDone() throws Exception {
        int exit = run("remove", in.toString(), "-o", output.toString());

        assertThat(exit).isEqualTo(1);
        for (String name : new String[] {"red", "blue"}) {
            BufferedImage cutout = ImageIO.read(output.resolve(name + ".png").toFile());
            assertThat(cutout.getWidth()).isEqualTo(240);
            assertThat(cutout.getHeight()).isEqualTo(160);
            assertThat(cutout.getColorModel().hasAlpha()).isTrue();
        }
        assertThat(output.resolve("broken.png")).doesNotExist();
        assertThat(err.toString()).contains("broken.jpg").contains("TRUNCATED");
        assertThat(out.toString()).contains("2 written, 0 skipped (already done), 1 failed");

        out.getBuffer().setLength(0);
        run("remove", in.resolve("red.jpg").toString(), in.resolve("blue.jpg").toString(), "-o", output.toString());
        assertThat(out.toString()).contains("0 written, 2 skipped (already done), 0 failed");
    }

    @Test
    void maskOnlyWritesAnEightBitMaskAndJpgGetsAWhiteBackground() throws Exception {
        assertThat(run("remove", in.resolve("red.jpg").toString(), "-o", output.toString(), "--mask-only")).isZero();
        BufferedImage mask = ImageIO.read(output.resolve("red.png").toFile());
        assertThat(mask.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);

        Path jpgOut = dir.resolve("jpg");
        assertThat(run("remove", in.resolve("blue.jpg").toString(), "-o", jpgOut.toString(), "--format", "jpg",
                "--crop", "--margin", "10px")).isZero();
        BufferedImage jpg = ImageIO.read(jpgOut.resolve("blue.jpg").toFile());
        assertThat(jpg.getColorModel().hasAlpha()).isFalse();
        assertThat(jpg.getWidth()).isLessThanOrEqualTo(240);
    }

    @Test
    void aMissingInputIsAUserError() {
        assertThat(run("remove", dir.resolve("nope").toString(), "-o", output.toString()))
                .isEqualTo(FriendlyErrors.EXIT_USER_ERROR);
        assertThat(err.toString()).contains("no such file or folder");
    }
}

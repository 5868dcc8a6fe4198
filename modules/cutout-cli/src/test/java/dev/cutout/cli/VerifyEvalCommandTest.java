package dev.cutout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutout.vision.train.ValidationSplit;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code cutout verify-eval} with the shipped models on two labelled photos: its lines and its CSV. */
class VerifyEvalCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void printsTheSummaryPerClusterAndWritesOneScoreRowPerPhoto() throws Exception {
        Path images = Files.createDirectories(dir.resolve("images"));
        Path masks = Files.createDirectories(dir.resolve("masks"));
        photo(images, masks, "mug", new Color(200, 30, 30));
        photo(images, masks, "box", new Color(30, 30, 200));
        Path scores = dir.resolve("report/scores.csv");

        int exit = run("verify-eval", "--images", images.toString(), "--masks", masks.toString(),
                "--scores", scores.toString());

        assertThat(exit).as(err.toString()).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0)).matches("n=2 spearman=\\S+ mae=0\\.\\d{4} publish_rate=\\d\\.\\d{4} precision=\\S+");
        assertThat(lines.subList(1, lines.size())).allMatch(line -> line.matches("cluster=\\d+ \\(.+\\) threshold=.* n=\\d .*"));
        List<String> rows = Files.readAllLines(scores);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).isEqualTo("folder,photo,cluster,threshold,score,true_iou,good,auto_published,reasons");
        String folder = dir.getFileName().toString(); // a labelled set is named after the folder above images/
        assertThat(rows.subList(1, 3)).allMatch(row -> row.startsWith(folder + ","))
                .anyMatch(row -> row.contains(",mug,")).anyMatch(row -> row.contains(",box,"));
        for (String row : rows.subList(1, 3)) {
            double trueIou = Double.parseDouble(row.split(",")[5]);
            assertThat(trueIou).as(row).isBetween(0.5, 1.0); // a plain product on a plain backdrop
        }
    }

    @Test
    void heldOutEvaluatesOnlyThePhotosASegmenterRunHoldsOut() throws Exception {
        Path images = Files.createDirectories(dir.resolve("images"));
        Path masks = Files.createDirectories(dir.resolve("masks"));
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            names.add("item" + i);
            photo(images, masks, "item" + i, new Color(20 + 5 * i, 40, 180 - 3 * i));
        }
        Path scores = dir.resolve("scores.csv");

        int exit = run("verify-eval", "--images", images.toString(), "--masks", masks.toString(), "--held-out",
                "--scores", scores.toString());

        assertThat(exit).as(err.toString()).isZero();
        Set<String> heldOut = ValidationSplit.heldOutGroups(names, ValidationSplit.DEFAULT_PERCENT);
        assertThat(heldOut).hasSize(2);
        assertThat(out.toString()).startsWith("n=2 ");
        assertThat(Files.readAllLines(scores).stream().skip(1).map(row -> row.split(",")[1]))
                .containsExactlyInAnyOrderElementsOf(heldOut);
    }

    @Test
    void unpairedFoldersAreAClearError() {
        int exit = run("verify-eval", "--images", dir.toString(), "--images", dir.toString(), "--masks", dir.toString());

        assertThat(exit).isNotZero();
        assertThat(err.toString()).contains("one --masks folder per --images folder");
    }

    private static void photo(Path images, Path masks, String name, Color colour) throws Exception {
        BufferedImage photo = new BufferedImage(240, 160, BufferedImage.TYPE_INT_RGB);
        BufferedImage mask = new BufferedImage(240, 160, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = photo.createGraphics();
        g.setColor(new Color(235, 235, 235));
        g.fillRect(0, 0, 240, 160);
        g.setColor(colour);
        g.fillRoundRect(70, 40, 100, 80, 20, 20);
        g.dispose();
        Graphics2D m = mask.createGraphics();
        m.setColor(Color.WHITE);
        m.fillRoundRect(70, 40, 100, 80, 20, 20);
        m.dispose();
        ImageIO.write(photo, "jpg", images.resolve(name + ".jpg").toFile());
        ImageIO.write(mask, "png", masks.resolve(name + ".png").toFile());
    }

    private int run(String... args) {
        CommandLine cli = CutoutCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}

package dev.cutout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutout.ingest.IngestConfig;
import dev.cutout.local.LocalEndpoints;
import dev.cutout.publisher.PublisherConfig;
import dev.cutout.segmenter.SegmenterConfig;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `cutout ingest` against the embedded stack with every service: three photos and an empty file. */
class IngestCommandIT {

    @TempDir
    static Path dir;

    private static EmbeddedPipeline pipeline;

    @BeforeAll
    static void startPipeline() throws Exception {
        // Thresholds of 0 approve every mask, so each real photo ends published whatever the model scores.
        Map<String, Object> overrides = new HashMap<>(EveryClusterThreshold.routerOverrides(0.0));
        overrides.putAll(Map.of(
                SegmenterConfig.MODEL_INPUT_SIZE, 128,
                SegmenterConfig.TORCH_THREADS, 1,
                SegmenterConfig.MAX_BATCH_SIZE, 4,
                IngestConfig.HOT_FOLDER, "",
                PublisherConfig.WHITE_JPEG_LONG_SIDE, 256));
        pipeline = EmbeddedPipeline.start(dir.resolve("pipeline"), overrides);
    }

    @AfterAll
    static void stopPipeline() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void followsEachPhotoToItsOutcomeAndNamesTheRejectedFile() throws Exception {
        Path photos = Files.createDirectories(dir.resolve("photos"));
        writePhoto(photos.resolve("red.png"), Color.RED, "png");
        writePhoto(photos.resolve("green.jpg"), Color.GREEN, "jpg");
        writePhoto(photos.resolve("blue.png"), Color.BLUE, "png");
        Files.write(photos.resolve("empty.jpg"), new byte[0]);
        Files.writeString(photos.resolve("notes.txt"), "not a photo, not uploaded");

        Run first = ingest(photos);

        assertThat(first.exit).as(first.err).isEqualTo(1);
        assertThat(first.out).contains("3 published, 0 in review, 1 rejected, 0 pending");
        assertThat(first.out).containsPattern("(?m)^rejected empty\\.jpg: EMPTY\\b.*$");
        assertThat(first.out).doesNotContain("notes.txt").doesNotContain("rejected red.png");
        assertThat(Files.list(dir.resolve("pipeline/outbox")).filter(p -> p.toString().endsWith(".png")))
                .hasSize(3);

        // The same bytes again are duplicates: their outcomes lie before this run and must still be found.
        Run again = ingest(photos);

        assertThat(again.out).as(again.err).contains("3 published, 0 in review, 1 rejected, 0 pending");
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run ingest(Path folder) {
        LocalEndpoints endpoints = pipeline.stack().endpoints();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = CutoutCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute("ingest", folder.toString(), "--url", pipeline.ingestUrl(),
                "--bootstrap-servers", endpoints.bootstrapServers(), "--registry-url", endpoints.schemaRegistryUrl(),
                "--profile", "transparent", "--timeout-s", "300");
        return new Run(exit, out.toString(), err.toString());
    }

    /** A product-like photo: a filled disc on a light background, different per colour so ids differ. */
    private static void writePhoto(Path file, Color color, String format) throws Exception {
        BufferedImage image = new BufferedImage(160, 120, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(235, 235, 235));
        g.fillRect(0, 0, 160, 120);
        g.setColor(color);
        g.fillOval(40, 20, 80, 80);
        g.dispose();
        assertThat(ImageIO.write(image, format, file.toFile())).isTrue();
    }
}

package dev.cutout.cli;

import dev.cutout.cli.OutcomeFollower.Kind;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cutout ingest FOLDER}: uploads a folder's photos to a running stack over HTTP and follows each to
 * its outcome on Kafka: published, in review, or rejected (refused by the upload, or dead-lettered later).
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Uploads every photo in FOLDER to a running stack and follows each to its outcome.",
                "Prints '<n> published, <n> in review, <n> rejected, <n> pending' and the reason of each rejected"
                        + " file. Exit code 0 when every photo was published or sent to review, 1 otherwise,"
                        + " 2 when the stack cannot be reached."})
public final class IngestCommand implements Callable<Integer> {

    static final List<String> PROFILES = List.of("transparent", "white-jpeg");
    private static final String PHOTO_NAME = ".*\\.(jpe?g|png|webp|tiff?)$";

    @Parameters(index = "0", paramLabel = "FOLDER", description = "Folder of photos (JPEG, PNG, WebP, TIFF); not recursive.")
    Path folder;

    @Option(names = "--url", paramLabel = "URL", defaultValue = "${env:CUTOUT_INGEST_URL:-http://localhost:8085}",
            description = "The ingest's HTTP API (default: $CUTOUT_INGEST_URL or ${DEFAULT-VALUE}).")
    String url;

    @Option(names = "--token", paramLabel = "T", defaultValue = "${env:CUTOUT_INGEST_HTTP_TOKEN:-cutout-local-token}",
            description = "Bearer token, the ingest's ingest.http.token (default: $CUTOUT_INGEST_HTTP_TOKEN or the"
                    + " embedded stack's).", showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER)
    String token;

    @Option(names = "--profile", paramLabel = "transparent|white-jpeg",
            description = "Output profile of every photo (default: the publisher's publisher.default.profile).")
    String profile;

    @Option(names = "--timeout-s", paramLabel = "N", defaultValue = "600",
            description = "How long to follow the photos after the uploads; the rest count as pending"
                    + " (default: ${DEFAULT-VALUE}).")
    long timeoutS;

    @Option(names = {"-b", "--bootstrap-servers"}, paramLabel = "HOST:PORT",
            defaultValue = "${env:" + StatusCommand.BOOTSTRAP_ENV + ":-localhost:9092}",
            description = "Kafka of the stack (default: $" + StatusCommand.BOOTSTRAP_ENV + " or ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(names = "--registry-url", paramLabel = "URL",
            defaultValue = "${env:CUTOUT_SCHEMA_REGISTRY_URL:-http://localhost:8081}",
            description = "Schema registry of the stack (default: $CUTOUT_SCHEMA_REGISTRY_URL or ${DEFAULT-VALUE}).")
    String registryUrl;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (profile != null && !PROFILES.contains(profile)) {
            throw new UserError("--profile must be one of " + String.join(", ", PROFILES) + ", got " + profile);
        }
        if (timeoutS < 0) {
            throw new UserError("--timeout-s must be >= 0");
        }
        List<Path> files = photosIn(folder);
        PhotoUploader uploader = new PhotoUploader(url, token);
        uploader.probe();
        PhotoTracker tracker;
        try (OutcomeFollower follower = new OutcomeFollower(bootstrapServers, registryUrl, Duration.ofSeconds(10));
                ProgressBar bar = new ProgressBarBuilder().setTaskName("ingest").setInitialMax(files.size())
                        .setStyle(ProgressBarStyle.ASCII)
                        .setConsumer(new ConsoleProgressBarConsumer(System.err)).build()) {
            tracker = new IngestRun(uploader, follower, profile).run(files, Duration.ofSeconds(timeoutS), bar::stepBy);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(tracker.summary());
        for (PhotoTracker.Entry entry : tracker.entries()) {
            if (entry.kind == Kind.REJECTED) {
                out.printf("rejected %s: %s%n", entry.file.getFileName(), entry.reason);
            }
        }
        out.flush();
        return tracker.count(Kind.REJECTED) == 0 && tracker.pending() == 0 ? 0 : 1;
    }

    static List<Path> photosIn(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new UserError("no folder at " + folder);
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).matches(PHOTO_NAME))
                    .sorted().toList();
        }
        if (files.isEmpty()) {
            throw new UserError("no photos (JPEG, PNG, WebP, TIFF) in " + folder);
        }
        return files;
    }
}

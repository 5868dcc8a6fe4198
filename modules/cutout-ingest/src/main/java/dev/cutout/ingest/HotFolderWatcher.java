package dev.cutout.ingest;

import dev.cutout.events.IngestSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls a folder the studio drops photos into. A file is taken only once two scans in a row saw the
 * same size and modification time, so one still being copied is left alone. Taken files move to
 * {@code processed/}; refused ones to {@code rejected/} with {@code NAME.reason.txt} beside them.
 * Only regular files directly in the folder are read: symbolic links, sub-folders and hidden files are
 * skipped, so nothing outside the folder is ever read or moved.
 */
public final class HotFolderWatcher implements AutoCloseable {

    public static final String PROCESSED = "processed";
    public static final String REJECTED = "rejected";
    public static final String REASON_SUFFIX = ".reason.txt";

    private static final Logger LOG = LoggerFactory.getLogger(HotFolderWatcher.class);

    private final Path folder;
    private final Ingestor ingestor;
    private final Map<Path, FileState> lastSeen = new HashMap<>();
    private final ScheduledExecutorService scanner;
    private final AtomicLong processed = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();

    private record FileState(long size, long modifiedMillis) {
    }

    private HotFolderWatcher(Path folder, Ingestor ingestor) {
        this.folder = folder;
        this.ingestor = ingestor;
        this.scanner = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ingest-hot-folder");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Creates the folder and its sub-folders if needed and starts scanning every {@code poll}. */
    public static HotFolderWatcher start(Path folder, Ingestor ingestor, Duration poll) {
        Objects.requireNonNull(ingestor, "ingestor");
        Path root = folder.toAbsolutePath().normalize();
        try {
            Files.createDirectories(root.resolve(PROCESSED));
            Files.createDirectories(root.resolve(REJECTED));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the hot folder " + root, e);
        }
        HotFolderWatcher watcher = new HotFolderWatcher(root, ingestor);
        watcher.scanner.scheduleWithFixedDelay(watcher::scanSafely, 0, poll.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("watching hot folder {}", root);
        return watcher;
    }

    public Path folder() {
        return folder;
    }

    public long processedCount() {
        return processed.get();
    }

    public long rejectedCount() {
        return rejected.get();
    }

    private void scanSafely() {
        try {
            scan();
        } catch (RuntimeException e) {
            LOG.warn("hot folder scan failed, trying again on the next poll: {}", e.toString());
        }
    }

    /** One scan: takes the files that did not change since the previous scan. */
    void scan() {
        Map<Path, FileState> seenNow = new HashMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                if (entry.getFileName().toString().startsWith(".")) {
                    continue;
                }
                BasicFileAttributes attributes;
                try {
                    attributes = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (IOException gone) {
                    continue;
                }
                if (!attributes.isRegularFile()) {
                    continue;
                }
                FileState state = new FileState(attributes.size(), attributes.lastModifiedTime().toMillis());
                if (state.equals(lastSeen.get(entry))) {
                    take(entry);
                } else {
                    seenNow.put(entry, state);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
        lastSeen.clear();
        lastSeen.putAll(seenNow);
    }

    private void take(Path file) {
        String name = file.getFileName().toString();
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            LOG.warn("cannot read {}, trying again later: {}", file, e.toString());
            return;
        }
        IngestOutcome outcome;
        try {
            outcome = ingestor.ingest(new IngestRequest(content, name, IngestSource.HOT_FOLDER, null));
        } catch (IngestFailedException e) {
            // Left in place: the next scans see it unchanged and offer it again.
            LOG.warn("{} stays in the hot folder: {}", name, e.getMessage());
            return;
        }
        try {
            if (outcome instanceof IngestOutcome.Rejected refusal) {
                Path target = moveInto(file, REJECTED);
                Files.writeString(target.resolveSibling(target.getFileName() + REASON_SUFFIX),
                        refusal.describe() + System.lineSeparator(), StandardCharsets.UTF_8);
                rejected.incrementAndGet();
            } else {
                moveInto(file, PROCESSED);
                processed.incrementAndGet();
            }
        } catch (IOException e) {
            LOG.warn("{} was ingested as {} but could not be moved: {}", name, outcome.photoId(), e.toString());
        }
    }

    /** Moves {@code file} into a sub-folder, numbering the name when one of that name is already there. */
    private Path moveInto(Path file, String subFolder) throws IOException {
        Path dir = folder.resolve(subFolder);
        String name = file.getFileName().toString();
        Path target = dir.resolve(name);
        for (int n = 1; Files.exists(target, LinkOption.NOFOLLOW_LINKS); n++) {
            int dot = name.lastIndexOf('.');
            target = dir.resolve(dot > 0 ? name.substring(0, dot) + "-" + n + name.substring(dot) : name + "-" + n);
        }
        return Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void close() {
        scanner.shutdown();
        try {
            if (!scanner.awaitTermination(30, TimeUnit.SECONDS)) {
                scanner.shutdownNow();
            }
        } catch (InterruptedException e) {
            scanner.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}

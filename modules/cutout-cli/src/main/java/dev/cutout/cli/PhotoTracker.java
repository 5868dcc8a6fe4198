package dev.cutout.cli;

import dev.cutout.cli.OutcomeFollower.Kind;
import dev.cutout.cli.OutcomeFollower.Outcome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where each uploaded file stands. Files with the same bytes share one photo id and so one outcome;
 * the first outcome seen for a photo is its outcome.
 */
final class PhotoTracker {

    /** One uploaded file; {@code kind} stays null while it is pending. */
    static final class Entry {
        final Path file;
        final String photoId;
        final long uploadedAtMs;
        Kind kind;
        String reason;
        long finishedAtMs;

        Entry(Path file, String photoId, long uploadedAtMs) {
            this.file = file;
            this.photoId = photoId;
            this.uploadedAtMs = uploadedAtMs;
        }

        boolean pending() {
            return kind == null;
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, List<Entry>> pendingById = new HashMap<>();
    private boolean duplicates;

    /** Records an upload's answer; returns how many files it finished (1 for a refused upload, else 0). */
    int uploaded(Path file, PhotoUploader.Upload upload, long atMs) {
        Entry entry = new Entry(file, upload.photoId(), atMs);
        entries.add(entry);
        if (!upload.accepted()) {
            finish(entry, Kind.REJECTED, upload.reason(), atMs);
            return 1;
        }
        duplicates |= upload.duplicate();
        pendingById.computeIfAbsent(upload.photoId(), id -> new ArrayList<>()).add(entry);
        return 0;
    }

    /** Applies an outcome read from Kafka; returns how many files it finished (0 for photos not tracked). */
    int record(Outcome outcome) {
        List<Entry> finished = pendingById.remove(outcome.photoId());
        if (finished == null) {
            return 0;
        }
        finished.forEach(e -> finish(e, outcome.kind(), outcome.reason(), outcome.timestampMs()));
        return finished.size();
    }

    private static void finish(Entry entry, Kind kind, String reason, long atMs) {
        entry.kind = kind;
        entry.reason = reason;
        entry.finishedAtMs = atMs;
    }

    /** Whether the stack said it had seen one of the photos before. */
    boolean anyDuplicate() {
        return duplicates;
    }

    int pending() {
        return pendingById.values().stream().mapToInt(List::size).sum();
    }

    int count(Kind kind) {
        return (int) entries.stream().filter(e -> e.kind == kind).count();
    }

    List<Entry> entries() {
        return List.copyOf(entries);
    }

    String summary() {
        return String.format(Locale.ROOT, "%d published, %d in review, %d rejected, %d pending",
                count(Kind.PUBLISHED), count(Kind.REVIEW), count(Kind.REJECTED), pending());
    }
}

package dev.cutout.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.IntConsumer;

/** Uploads files, then reads the outcome topics until every file has an outcome or the time is up. */
final class IngestRun {

    private static final Duration POLL = Duration.ofMillis(200);

    private final PhotoUploader uploader;
    private final OutcomeFollower follower;
    private final String profile;

    /** {@code follower} must have been created before the uploads, so that it reads from before them. */
    IngestRun(PhotoUploader uploader, OutcomeFollower follower, String profile) {
        this.uploader = uploader;
        this.follower = follower;
        this.profile = profile;
    }

    /** {@code onFinished} receives how many files just reached their outcome. */
    PhotoTracker run(List<Path> files, Duration timeout, IntConsumer onFinished)
            throws IOException, InterruptedException {
        PhotoTracker tracker = new PhotoTracker();
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Path file : files) {
            long at = System.currentTimeMillis();
            onFinished.accept(tracker.uploaded(file, uploader.upload(file, profile), at));
            // Read while uploading, so early outcomes are timed when they happen rather than after the last upload.
            follow(tracker, Duration.ZERO, onFinished);
        }
        if (tracker.anyDuplicate()) {
            follower.rewind();
        }
        while (tracker.pending() > 0 && System.nanoTime() < deadline) {
            follow(tracker, POLL, onFinished);
        }
        return tracker;
    }

    private void follow(PhotoTracker tracker, Duration wait, IntConsumer onFinished) {
        for (OutcomeFollower.Outcome outcome : follower.poll(wait)) {
            int finished = tracker.record(outcome);
            if (finished > 0) {
                onFinished.accept(finished);
            }
        }
    }
}

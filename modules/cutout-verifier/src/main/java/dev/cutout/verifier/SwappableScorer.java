package dev.cutout.verifier;

import dev.cutout.vision.mask.AlphaMask;
import dev.cutout.vision.quality.MaskQualityScorer;
import dev.cutout.vision.quality.QualityAssessment;
import java.awt.image.BufferedImage;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scorer in use, replaceable while the verifier runs. A newly released scorer is offered from the
 * release watcher's thread and taken into use by the scoring thread between batches
 * ({@link #applyPending()}), so no mask is scored half by one model and no model is closed while it
 * scores. A scorer offered while another is still pending replaces it.
 */
public final class SwappableScorer implements MaskQualityScorer, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SwappableScorer.class);

    private final AtomicReference<MaskQualityScorer> pending = new AtomicReference<>();
    private volatile MaskQualityScorer current;

    public SwappableScorer(MaskQualityScorer initial) {
        this.current = initial;
    }

    /** Any thread: the scorer to use from the next batch on. */
    public void offer(MaskQualityScorer next) {
        closeQuietly(pending.getAndSet(next));
    }

    /** The scoring thread, between batches: takes the offered scorer into use and closes the old one. */
    public void applyPending() {
        MaskQualityScorer next = pending.getAndSet(null);
        if (next != null) {
            MaskQualityScorer old = current;
            current = next;
            log.info("verifier model swapped: {}:{} -> {}:{}", old.name(), old.version(), next.name(), next.version());
            closeQuietly(old);
        }
    }

    /** The version of the scorer in use, or of the one waiting to be, whichever is newer. */
    public int newestVersion() {
        MaskQualityScorer next = pending.get();
        return Math.max(current.version(), next == null ? 0 : next.version());
    }

    @Override
    public QualityAssessment assess(BufferedImage photo, AlphaMask mask) {
        return current.assess(photo, mask);
    }

    @Override
    public String name() {
        return current.name();
    }

    @Override
    public int version() {
        return current.version();
    }

    @Override
    public void close() {
        closeQuietly(pending.getAndSet(null));
        closeQuietly(current);
    }

    private static void closeQuietly(MaskQualityScorer scorer) {
        if (scorer instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                log.warn("could not close verifier model {}", scorer.name(), e);
            }
        }
    }
}

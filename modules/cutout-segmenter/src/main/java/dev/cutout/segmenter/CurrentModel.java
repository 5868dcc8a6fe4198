package dev.cutout.segmenter;

import dev.cutout.events.ModelRef;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model that new batches run on, and the hot swap to a newer one. The release watcher offers a loaded
 * model from its own thread; the poll thread applies the offer between dispatching batches, so a swap never
 * lands inside a batch, and batches already dispatched finish on the model they were bound to.
 */
final class CurrentModel {

    private static final Logger log = LoggerFactory.getLogger(CurrentModel.class);

    private final AtomicReference<ModelHandle> offered = new AtomicReference<>();
    private volatile ModelHandle current;

    CurrentModel(ModelHandle initial) {
        this.current = initial;
    }

    /** The model that batches dispatched from now on run on (a swap offered but not yet applied excluded). */
    ModelRef ref() {
        return current.ref();
    }

    /** Makes {@code model} current from the next batch on; an earlier offer not applied yet is retired unused. */
    void offer(ModelHandle model) {
        ModelHandle unused = offered.getAndSet(model);
        if (unused != null) {
            unused.retire();
        }
    }

    /** Swaps to the model offered last, if any. Only the poll thread calls it, between dispatches. */
    void applyOffer() {
        ModelHandle next = offered.getAndSet(null);
        if (next != null) {
            ModelHandle previous = current;
            current = next;
            log.info("swapped model {} -> {}; batches in flight finish on {}", previous.label(), next.label(),
                    previous.label());
            previous.retire();
        }
    }

    /** The current model with one more reference, which the batch bound to it releases when it is done. */
    ModelHandle acquireForBatch() {
        return current.acquire();
    }

    /** At shutdown: retires an offer not applied and the current model; each closes once its holders are done. */
    void retireAll() {
        ModelHandle unused = offered.getAndSet(null);
        if (unused != null) {
            unused.retire();
        }
        current.retire();
    }
}

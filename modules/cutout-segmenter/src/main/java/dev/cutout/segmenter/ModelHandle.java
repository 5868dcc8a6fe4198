package dev.cutout.segmenter;

import dev.cutout.events.ModelRef;
import dev.cutout.vision.infer.SegmenterModel;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A loaded segmenter model and its release, reference-counted so that a replaced model is closed only
 * after the last batch and the last predictor using it are done. The service holds one reference while
 * the model is current; every dispatched batch and every open predictor holds one more.
 */
public final class ModelHandle {

    private static final Logger log = LoggerFactory.getLogger(ModelHandle.class);

    private final SegmenterModel model;
    private final ModelRef ref;
    private final AtomicInteger references = new AtomicInteger(1);
    private final AtomicBoolean retired = new AtomicBoolean();

    public ModelHandle(SegmenterModel model, ModelRef ref) {
        this.model = model;
        this.ref = ref;
    }

    public SegmenterModel model() {
        return model;
    }

    public ModelRef ref() {
        return ref;
    }

    /** {@code name:version}, for logs. */
    public String label() {
        return ref.getName() + ":" + ref.getVersion();
    }

    public ModelHandle acquire() {
        int before = references.getAndIncrement();
        if (before <= 0) {
            references.decrementAndGet();
            throw new IllegalStateException("model " + label() + " is already closed");
        }
        return this;
    }

    public void release() {
        if (references.decrementAndGet() == 0) {
            log.info("closing model {}: its last batch is done", label());
            model.close();
        }
    }

    /** The service no longer hands out this model; it closes once the holders of it are done. */
    public void retire() {
        if (retired.compareAndSet(false, true)) {
            release();
        }
    }

    public boolean retired() {
        return retired.get();
    }

    public boolean closed() {
        return references.get() <= 0;
    }
}

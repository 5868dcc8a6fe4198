package dev.cutout.vision.infer;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * How many threads libtorch uses for one inference call. On a CPU shared with other work, one thread per
 * call and more callers (workers, each with its own predictor) scale better than libtorch's default of
 * one thread per core: its idle threads spin for cores that the other work needs.
 */
public final class TorchThreads {

    private TorchThreads() {
    }

    /**
     * Limits libtorch to {@code threads} per inference call, for the calls started from now on; 0 keeps
     * libtorch's default.
     */
    public static void limit(int threads) {
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be >= 0, got " + threads);
        }
        if (threads > 0) {
            Engine.getEngine("PyTorch");
            JniUtils.setNumThreads(threads);
        }
    }
}

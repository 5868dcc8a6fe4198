package dev.cutout.segmenter;

import dev.cutout.events.ModelRef;

/**
 * Object keys of masks in the masks bucket. The key depends only on the photo and the model release, so
 * a retried or replayed record overwrites its own mask instead of leaving a second one.
 */
public final class MaskKeys {

    private MaskKeys() {
    }

    /** {@code <photo id>/<model name>-v<version>.png}. */
    public static String of(String photoId, ModelRef model) {
        return photoId + "/" + model.getName() + "-v" + model.getVersion() + ".png";
    }
}

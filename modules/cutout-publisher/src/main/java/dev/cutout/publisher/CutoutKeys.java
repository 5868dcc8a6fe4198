package dev.cutout.publisher;

import dev.cutout.events.ModelRef;

/**
 * Keys of rendered cutouts in the cutouts bucket: photo id, then profile, then the model behind the mask,
 * so that a replay of the same approval overwrites its cutout and a new model version gets its own.
 */
public final class CutoutKeys {

    private CutoutKeys() {
    }

    public static String of(String photoId, OutputProfile profile, ModelRef model) {
        return photoId + "/" + profile.name() + "/" + model.getName() + "-v" + model.getVersion() + "."
                + profile.format().extension();
    }

    /** The prefix under which every cutout of a photo lies. */
    public static String prefixOf(String photoId) {
        return photoId + "/";
    }
}

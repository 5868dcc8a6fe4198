package dev.cutout.common.image;

import java.awt.image.DataBuffer;
import java.awt.image.Raster;

/** Checks shared by the codec's fast paths, which read and write a raster's array directly. */
final class Rasters {

    private Rasters() {
    }

    /**
     * Whether the raster is its own (not a view into a larger one) and its pixels start its one bank, so
     * that index 0 of the array is its top-left sample.
     */
    static boolean startsItsArray(Raster raster) {
        DataBuffer buffer = raster.getDataBuffer();
        return raster.getParent() == null && raster.getSampleModelTranslateX() == 0
                && raster.getSampleModelTranslateY() == 0 && buffer.getNumBanks() == 1 && buffer.getOffset() == 0;
    }
}

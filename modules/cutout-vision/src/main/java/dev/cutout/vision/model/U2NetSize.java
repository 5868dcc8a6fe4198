package dev.cutout.vision.model;

import java.util.List;

/**
 * The two published U²-Net configurations (Qin et al. 2020, Table 1): the full model for GPU
 * hosts and U²-Net† (about 1.1 M parameters) as the CPU default.
 */
public enum U2NetSize {
    /** U²-Net†: every stage 16 mid / 64 out channels; 1.131 M parameters. */
    SMALL(
            List.of(rsu(7, 16, 64), rsu(6, 16, 64), rsu(5, 16, 64), rsu(4, 16, 64),
                    dilated(16, 64), dilated(16, 64)),
            List.of(dilated(16, 64), rsu(4, 16, 64), rsu(5, 16, 64), rsu(6, 16, 64),
                    rsu(7, 16, 64))),
    /** U²-Net: widening encoder up to 512 channels; 44.0 M parameters. */
    FULL(
            List.of(rsu(7, 32, 64), rsu(6, 32, 128), rsu(5, 64, 256), rsu(4, 128, 512),
                    dilated(256, 512), dilated(256, 512)),
            List.of(dilated(256, 512), rsu(4, 128, 256), rsu(5, 64, 128), rsu(6, 32, 64),
                    rsu(7, 16, 64)));

    /** One stage: an RSU of the given height, or RSU-4F when {@code height == 0}. */
    public record Stage(int height, int midChannels, int outChannels) {
        boolean dilated() {
            return height == 0;
        }
    }

    private final List<Stage> encoder;
    private final List<Stage> decoder;

    U2NetSize(List<Stage> encoder, List<Stage> decoder) {
        this.encoder = encoder;
        this.decoder = decoder;
    }

    /** Six encoder stages, from full resolution down to 1/32. */
    public List<Stage> encoder() {
        return encoder;
    }

    /** Five decoder stages, from 1/16 back up to full resolution. */
    public List<Stage> decoder() {
        return decoder;
    }

    private static Stage rsu(int height, int mid, int out) {
        return new Stage(height, mid, out);
    }

    private static Stage dilated(int mid, int out) {
        return new Stage(0, mid, out);
    }
}

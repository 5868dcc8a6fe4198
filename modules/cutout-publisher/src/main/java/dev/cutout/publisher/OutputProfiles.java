package dev.cutout.publisher;

import dev.cutout.common.image.ImageFormat;
import dev.cutout.vision.composite.Margin;
import dev.cutout.vision.composite.RenderOptions;
import java.awt.Color;
import java.util.Map;
import java.util.Optional;

/** The output profiles the publisher knows, and which one a photo without a profile gets. */
public final class OutputProfiles {

    /** PNG with alpha, cropped to the subject with the margin. */
    public static final String TRANSPARENT = "transparent";
    /** JPEG on white, cropped with the margin, scaled to a fixed long side. */
    public static final String WHITE_JPEG = "white-jpeg";

    private final Map<String, OutputProfile> byName;
    private final OutputProfile defaultProfile;

    private OutputProfiles(Map<String, OutputProfile> byName, String defaultName) {
        this.byName = Map.copyOf(byName);
        this.defaultProfile = byName.get(defaultName);
        if (defaultProfile == null) {
            throw new IllegalArgumentException("unknown default profile " + defaultName + "; known: " + byName.keySet());
        }
    }

    public static OutputProfiles of(String defaultName, Margin margin, int whiteJpegLongSide, float jpegQuality) {
        RenderOptions transparent = RenderOptions.transparent().cropped(margin);
        return new OutputProfiles(Map.of(
                TRANSPARENT, new OutputProfile(TRANSPARENT, transparent, ImageFormat.PNG, 0, 1f),
                WHITE_JPEG, new OutputProfile(WHITE_JPEG, transparent.withBackground(Color.WHITE),
                        ImageFormat.JPEG, whiteJpegLongSide, jpegQuality)),
                defaultName);
    }

    /** The profile called {@code name}, or the default one when {@code name} is null or blank. */
    public Optional<OutputProfile> resolve(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of(defaultProfile);
        }
        return Optional.ofNullable(byName.get(name.strip()));
    }

    public java.util.Set<String> names() {
        return byName.keySet();
    }
}

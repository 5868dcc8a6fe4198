package dev.cutout.vision.composite;

import java.awt.Color;
import java.util.Locale;
import java.util.Map;

/** Parses background colours: {@code #RRGGBB}, {@code #RGB}, or a name such as {@code white}. */
public final class Colors {

    /** A fully transparent colour: as a background it means "keep the alpha channel". */
    public static final Color TRANSPARENT = new Color(0, 0, 0, 0);

    private static final Map<String, Color> NAMED = Map.ofEntries(
            Map.entry("white", Color.WHITE),
            Map.entry("black", Color.BLACK),
            Map.entry("gray", new Color(0x808080)),
            Map.entry("grey", new Color(0x808080)),
            Map.entry("lightgray", new Color(0xD3D3D3)),
            Map.entry("lightgrey", new Color(0xD3D3D3)),
            Map.entry("darkgray", new Color(0xA9A9A9)),
            Map.entry("darkgrey", new Color(0xA9A9A9)),
            Map.entry("silver", new Color(0xC0C0C0)),
            Map.entry("whitesmoke", new Color(0xF5F5F5)),
            Map.entry("red", new Color(0xFF0000)),
            Map.entry("green", new Color(0x008000)),
            Map.entry("blue", new Color(0x0000FF)),
            Map.entry("yellow", new Color(0xFFFF00)),
            Map.entry("beige", new Color(0xF5F5DC)),
            Map.entry("transparent", TRANSPARENT));

    private Colors() {
    }

    /** Parses {@code #RRGGBB}, {@code #RGB} (hex, any case) or a colour name; throws if it is neither. */
    public static Color parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        Color named = NAMED.get(t.replace(" ", "").replace("-", ""));
        if (named != null) {
            return named;
        }
        if (t.startsWith("#")) {
            String hex = t.substring(1);
            if (hex.length() == 3 && isHex(hex)) {
                int r = Character.digit(hex.charAt(0), 16);
                int g = Character.digit(hex.charAt(1), 16);
                int b = Character.digit(hex.charAt(2), 16);
                return new Color(r * 17, g * 17, b * 17);
            }
            if (hex.length() == 6 && isHex(hex)) {
                return new Color(Integer.parseInt(hex, 16));
            }
        }
        throw new IllegalArgumentException("not a colour: '" + text + "' (try #RRGGBB, #RGB, white, black, "
                + "lightgray, transparent)");
    }

    /** Whether the colour is fully transparent, i.e. asks for no background at all. */
    public static boolean isTransparent(Color color) {
        return color == null || color.getAlpha() == 0;
    }

    /** {@code #rrggbb}. */
    public static String toHex(Color color) {
        return String.format("#%06x", color.getRGB() & 0xFFFFFF);
    }

    private static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}

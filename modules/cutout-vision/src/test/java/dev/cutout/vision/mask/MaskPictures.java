package dev.cutout.vision.mask;

/** Small masks written as pictures: '#' is 1, '.' is 0, a digit d is d/10. */
final class MaskPictures {

    private MaskPictures() {
    }

    static AlphaMask parse(String... rows) {
        int h = rows.length;
        int w = rows[0].length();
        float[] v = new float[w * h];
        for (int y = 0; y < h; y++) {
            if (rows[y].length() != w) {
                throw new IllegalArgumentException("ragged row " + y);
            }
            for (int x = 0; x < w; x++) {
                char c = rows[y].charAt(x);
                v[y * w + x] = c == '#' ? 1f : c == '.' ? 0f : (c - '0') / 10f;
            }
        }
        return AlphaMask.of(w, h, v);
    }

    static String[] render(AlphaMask mask) {
        String[] rows = new String[mask.height()];
        for (int y = 0; y < mask.height(); y++) {
            StringBuilder row = new StringBuilder();
            for (int x = 0; x < mask.width(); x++) {
                float v = mask.get(x, y);
                row.append(v >= 1f ? '#' : v <= 0f ? '.' : (char) ('0' + Math.min(9, Math.round(v * 10))));
            }
            rows[y] = row.toString();
        }
        return rows;
    }
}

package dev.cutout.common.image;

/**
 * Checks that a file's structure reaches its end-of-image marker. Decoders are lenient about data that
 * stops early (the JPEG decoder fills the rest with grey), and a half-uploaded photo must not pass.
 */
final class EndOfImage {

    private EndOfImage() {
    }

    /**
     * Whether an EOI marker follows the first scan. Inside entropy-coded data every 0xFF is stuffed as
     * FF 00, so FF D9 after the start of scan can only be the real EOI; an EOI inside an embedded
     * thumbnail (before the scan) does not count, and data appended after the EOI is allowed.
     */
    static boolean jpeg(byte[] d) {
        int scan = firstJpegScan(d);
        if (scan < 0) {
            return false;
        }
        for (int i = scan; i + 1 < d.length; i++) {
            if ((d[i] & 0xFF) == 0xFF && (d[i + 1] & 0xFF) == 0xD9) {
                return true;
            }
        }
        return false;
    }

    /** Whether every chunk fits in the data and the chunks end with IEND. */
    static boolean png(byte[] d) {
        long pos = 8; // after the signature
        while (pos + 12 <= d.length) {
            long length = (d[(int) pos] & 0xFFL) << 24 | (d[(int) pos + 1] & 0xFF) << 16
                    | (d[(int) pos + 2] & 0xFF) << 8 | d[(int) pos + 3] & 0xFF;
            long end = pos + 12 + length;
            if (end > d.length) {
                return false;
            }
            if (d[(int) pos + 4] == 'I' && d[(int) pos + 5] == 'E' && d[(int) pos + 6] == 'N' && d[(int) pos + 7] == 'D') {
                return true;
            }
            pos = end;
        }
        return false;
    }

    /** Offset of the first start-of-scan marker, or -1. */
    private static int firstJpegScan(byte[] d) {
        int pos = 2; // after SOI
        while (pos + 4 <= d.length) {
            if ((d[pos] & 0xFF) != 0xFF) {
                return -1;
            }
            int marker = d[pos + 1] & 0xFF;
            if (marker == 0xFF) {
                pos++;
            } else if (marker == 0xDA) {
                return pos;
            } else if (marker == 0x01 || marker >= 0xD0 && marker <= 0xD8) {
                pos += 2;
            } else {
                pos += 2 + ((d[pos + 2] & 0xFF) << 8 | d[pos + 3] & 0xFF);
            }
        }
        return -1;
    }
}

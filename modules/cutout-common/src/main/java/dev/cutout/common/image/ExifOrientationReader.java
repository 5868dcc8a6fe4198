package dev.cutout.common.image;

import java.nio.charset.StandardCharsets;

/**
 * Finds the orientation tag in the EXIF block of a JPEG (APP1), PNG (eXIf), WebP (EXIF chunk) or TIFF
 * (IFD0) file. A missing or malformed block means {@link ExifOrientation#NORMAL}: bad metadata is no
 * reason to refuse a photo.
 */
final class ExifOrientationReader {

    private static final int ORIENTATION_TAG = 0x0112;
    private static final int TYPE_SHORT = 3;
    private static final byte[] EXIF_HEADER = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);

    private ExifOrientationReader() {
    }

    static ExifOrientation read(byte[] data, ImageFormat format) {
        try {
            int tiffStart = switch (format) {
                case JPEG -> jpegExifStart(data);
                case PNG -> pngExifStart(data);
                case WEBP -> webpExifStart(data);
                case TIFF -> 0;
            };
            return tiffStart < 0 ? ExifOrientation.NORMAL : ExifOrientation.fromTag(orientationInTiff(data, tiffStart));
        } catch (IndexOutOfBoundsException malformed) {
            return ExifOrientation.NORMAL;
        }
    }

    /** Offset of the TIFF header inside the first Exif APP1 segment, or -1. */
    private static int jpegExifStart(byte[] d) {
        int pos = 2; // after SOI
        while (pos + 4 <= d.length) {
            if ((d[pos] & 0xFF) != 0xFF) {
                return -1;
            }
            int marker = d[pos + 1] & 0xFF;
            if (marker == 0xFF) { // fill byte
                pos++;
                continue;
            }
            if (marker == 0xD8 || marker == 0x01 || marker >= 0xD0 && marker <= 0xD7) {
                pos += 2;
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) { // metadata ends where the scan starts
                return -1;
            }
            int length = u16be(d, pos + 2);
            int body = pos + 4;
            if (marker == 0xE1 && startsWith(d, body, EXIF_HEADER)) {
                return body + EXIF_HEADER.length;
            }
            pos += 2 + length;
        }
        return -1;
    }

    private static int pngExifStart(byte[] d) {
        int pos = 8; // after the signature
        while (pos + 8 <= d.length) {
            long length = u32be(d, pos);
            String type = new String(d, pos + 4, 4, StandardCharsets.ISO_8859_1);
            if (type.equals("eXIf")) {
                return pos + 8;
            }
            if (type.equals("IEND") || length > d.length) {
                return -1;
            }
            pos += 12 + (int) length;
        }
        return -1;
    }

    private static int webpExifStart(byte[] d) {
        int pos = 12; // after "RIFF" size "WEBP"
        while (pos + 8 <= d.length) {
            String type = new String(d, pos, 4, StandardCharsets.ISO_8859_1);
            long size = u32le(d, pos + 4);
            if (type.equals("EXIF")) {
                int body = pos + 8;
                return startsWith(d, body, EXIF_HEADER) ? body + EXIF_HEADER.length : body;
            }
            if (size > d.length) {
                return -1;
            }
            pos += 8 + (int) size + (int) (size & 1);
        }
        return -1;
    }

    /** The orientation value in IFD0 of the TIFF structure at {@code start}, or 1 when absent. */
    private static int orientationInTiff(byte[] d, int start) {
        boolean little;
        if (d[start] == 'I' && d[start + 1] == 'I') {
            little = true;
        } else if (d[start] == 'M' && d[start + 1] == 'M') {
            little = false;
        } else {
            return 1;
        }
        if (u16(d, start + 2, little) != 42) {
            return 1;
        }
        long ifd = start + u32(d, start + 4, little);
        if (ifd + 2 > d.length) {
            return 1;
        }
        int entries = u16(d, (int) ifd, little);
        for (int i = 0; i < entries; i++) {
            int entry = (int) ifd + 2 + i * 12;
            if (u16(d, entry, little) == ORIENTATION_TAG && u16(d, entry + 2, little) == TYPE_SHORT) {
                return u16(d, entry + 8, little);
            }
        }
        return 1;
    }

    private static boolean startsWith(byte[] d, int pos, byte[] prefix) {
        if (pos + prefix.length > d.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (d[pos + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int u16(byte[] d, int pos, boolean little) {
        return little ? (d[pos] & 0xFF) | (d[pos + 1] & 0xFF) << 8 : u16be(d, pos);
    }

    private static long u32(byte[] d, int pos, boolean little) {
        return little ? u32le(d, pos) : u32be(d, pos);
    }

    private static int u16be(byte[] d, int pos) {
        return (d[pos] & 0xFF) << 8 | d[pos + 1] & 0xFF;
    }

    private static long u32be(byte[] d, int pos) {
        return (long) (d[pos] & 0xFF) << 24 | (d[pos + 1] & 0xFF) << 16 | (d[pos + 2] & 0xFF) << 8 | d[pos + 3] & 0xFF;
    }

    private static long u32le(byte[] d, int pos) {
        return (long) (d[pos + 3] & 0xFF) << 24 | (d[pos + 2] & 0xFF) << 16 | (d[pos + 1] & 0xFF) << 8 | d[pos] & 0xFF;
    }
}

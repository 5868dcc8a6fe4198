package dev.cutout.common.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;

/** Builds test inputs byte by byte, so that every case states exactly what the file contains. */
final class TestImages {

    static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private TestImages() {
    }

    /** An image whose left half is {@code left} and right half {@code right} (ARGB ints). */
    static BufferedImage halves(int width, int height, int left, int right, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, x < width / 2 ? left : right);
            }
        }
        return image;
    }

    /** Random RGB noise: compresses badly, so a truncation point falls well inside the scan. */
    static BufferedImage noise(int width, int height, long seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return image;
    }

    static byte[] write(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format + " and type " + image.getType());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    // ---- PNG ------------------------------------------------------------------------------------

    static byte[] pngChunk(String type, byte[] data) {
        ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
        chunk.putInt(data.length);
        byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
        chunk.put(typeBytes).put(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        chunk.putInt((int) crc.getValue());
        return chunk.array();
    }

    static byte[] ihdr(int width, int height, int bitDepth, int colourType) {
        return ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) bitDepth).put((byte) colourType).put((byte) 0).put((byte) 0).put((byte) 0).array();
    }

    /**
     * A valid PNG header announcing {@code width x height} 8-bit RGB pixels followed by a tiny IDAT
     * holding a single row: a decompression bomb's shape, a few dozen bytes long.
     */
    static byte[] pngBombHeader(int width, int height) {
        byte[] oneRow = deflate(new byte[1 + 3 * 16]);
        return concat(PNG_SIGNATURE, pngChunk("IHDR", ihdr(width, height, 8, 2)),
                pngChunk("IDAT", oneRow), pngChunk("IEND", new byte[0]));
    }

    /** A PNG whose header is sound and whose IDAT is not zlib data (with a correct chunk CRC). */
    static byte[] pngWithGarbageIdat(int width, int height) {
        byte[] garbage = new byte[64];
        new Random(7).nextBytes(garbage);
        garbage[0] = 0x7F; // not a zlib header byte
        return concat(PNG_SIGNATURE, pngChunk("IHDR", ihdr(width, height, 8, 2)),
                pngChunk("IDAT", garbage), pngChunk("IEND", new byte[0]));
    }

    /** Inserts an eXIf chunk carrying {@code tiff} right after IHDR. */
    static byte[] withPngExif(byte[] png, byte[] tiff) {
        int afterIhdr = 8 + 12 + 13;
        return concat(slice(png, 0, afterIhdr), pngChunk("eXIf", tiff), slice(png, afterIhdr, png.length));
    }

    static byte[] deflate(byte[] raw) {
        Deflater deflater = new Deflater();
        deflater.setInput(raw);
        deflater.finish();
        byte[] buffer = new byte[raw.length + 64];
        int length = deflater.deflate(buffer);
        deflater.end();
        return slice(buffer, 0, length);
    }

    // ---- EXIF / TIFF ------------------------------------------------------------------------------

    /** A big-endian TIFF structure whose IFD0 holds only the orientation tag. */
    static byte[] exifTiffWithOrientation(int orientation) {
        return ByteBuffer.allocate(26).order(ByteOrder.BIG_ENDIAN)
                .put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8)
                .putShort((short) 1)
                .putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0)
                .putInt(0)
                .array();
    }

    /** Inserts an Exif APP1 segment with the given orientation right after the JPEG's SOI marker. */
    static byte[] withJpegOrientation(byte[] jpeg, int orientation) {
        byte[] tiff = exifTiffWithOrientation(orientation);
        byte[] exifHeader = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
        int length = 2 + exifHeader.length + tiff.length;
        byte[] app1 = concat(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length}, exifHeader, tiff);
        return concat(slice(jpeg, 0, 2), app1, slice(jpeg, 2, jpeg.length));
    }

    /**
     * An uncompressed little-endian RGB TIFF of {@code width x height} from {@code rgb} (3 bytes per
     * pixel, row by row), with the given orientation tag.
     */
    static byte[] rgbTiff(int width, int height, byte[] rgb, int orientation) {
        int entries = 10;
        int ifdOffset = 8;
        int ifdSize = 2 + entries * 12 + 4;
        int bitsOffset = ifdOffset + ifdSize;
        int pixelsOffset = bitsOffset + 6;
        ByteBuffer b = ByteBuffer.allocate(pixelsOffset + rgb.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(ifdOffset);
        b.putShort((short) entries);
        tiffEntry(b, 256, 3, 1, width);               // ImageWidth
        tiffEntry(b, 257, 3, 1, height);              // ImageLength
        tiffEntry(b, 258, 3, 3, bitsOffset);          // BitsPerSample 8,8,8 (stored out of line)
        tiffEntry(b, 259, 3, 1, 1);                   // Compression: none
        tiffEntry(b, 262, 3, 1, 2);                   // PhotometricInterpretation: RGB
        tiffEntry(b, 273, 4, 1, pixelsOffset);        // StripOffsets
        tiffEntry(b, 274, 3, 1, orientation);         // Orientation
        tiffEntry(b, 277, 3, 1, 3);                   // SamplesPerPixel
        tiffEntry(b, 278, 3, 1, height);              // RowsPerStrip
        tiffEntry(b, 279, 4, 1, rgb.length);          // StripByteCounts
        b.putInt(0);
        b.putShort((short) 8).putShort((short) 8).putShort((short) 8);
        b.put(rgb);
        return b.array();
    }

    private static void tiffEntry(ByteBuffer b, int tag, int type, int count, int value) {
        b.putShort((short) tag).putShort((short) type).putInt(count);
        if (type == 3 && count == 1) {
            b.putShort((short) value).putShort((short) 0);
        } else {
            b.putInt(value);
        }
    }

    // ---- WebP -------------------------------------------------------------------------------------

    /**
     * A lossless WebP (VP8L) whose pixels are {@code a} in the left half and {@code b} in the right
     * half (opaque RGB ints). Each channel gets a "simple" prefix code of its two values, so every
     * pixel is three bits: enough for a decoder test without an encoder library.
     */
    static byte[] losslessWebp(int width, int height, int a, int b) {
        int[] red = {a >> 16 & 0xFF, b >> 16 & 0xFF};
        int[] green = {a >> 8 & 0xFF, b >> 8 & 0xFF};
        int[] blue = {a & 0xFF, b & 0xFF};
        BitWriter bits = new BitWriter();
        bits.write(0x2F, 8);                 // VP8L signature
        bits.write(width - 1, 14);
        bits.write(height - 1, 14);
        bits.write(0, 1);                    // alpha not used
        bits.write(0, 3);                    // version 0
        bits.write(0, 1);                    // no transform
        bits.write(0, 1);                    // no colour cache
        bits.write(0, 1);                    // no meta prefix codes
        simpleCode(bits, green);
        simpleCode(bits, red);
        simpleCode(bits, blue);
        simpleCode(bits, new int[] {255});   // alpha
        simpleCode(bits, new int[] {0});     // distance (unused)
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int which = x < width / 2 ? 0 : 1;
                bits.write(codeOf(green, which), green[0] == green[1] ? 0 : 1);
                bits.write(codeOf(red, which), red[0] == red[1] ? 0 : 1);
                bits.write(codeOf(blue, which), blue[0] == blue[1] ? 0 : 1);
            }
        }
        return riff("VP8L", bits.toByteArray());
    }

    /**
     * Two distinct symbols get one-bit codes, one symbol costs no bits. They are listed in ascending
     * order, where "first listed gets code 0" and "smaller value gets code 0" agree.
     */
    private static void simpleCode(BitWriter bits, int[] symbols) {
        bits.write(1, 1);                    // simple code
        boolean two = symbols.length == 2 && symbols[0] != symbols[1];
        bits.write(two ? 1 : 0, 1);          // number of symbols - 1
        bits.write(1, 1);                    // first symbol uses 8 bits
        bits.write(two ? Math.min(symbols[0], symbols[1]) : symbols[0], 8);
        if (two) {
            bits.write(Math.max(symbols[0], symbols[1]), 8);
        }
    }

    private static int codeOf(int[] symbols, int which) {
        return symbols[which] == Math.min(symbols[0], symbols[1]) ? 0 : 1;
    }

    private static byte[] riff(String chunkType, byte[] payload) {
        int padded = payload.length + (payload.length & 1);
        ByteBuffer b = ByteBuffer.allocate(20 + padded).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.ISO_8859_1)).putInt(12 + padded);
        b.put("WEBP".getBytes(StandardCharsets.ISO_8859_1));
        b.put(chunkType.getBytes(StandardCharsets.ISO_8859_1)).putInt(payload.length).put(payload);
        return b.array();
    }

    private static final class BitWriter {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private long buffer;
        private int used;

        void write(int value, int count) {
            buffer |= ((long) value & ((1L << count) - 1)) << used;
            used += count;
            while (used >= 8) {
                out.write((int) (buffer & 0xFF));
                buffer >>>= 8;
                used -= 8;
            }
        }

        byte[] toByteArray() {
            if (used > 0) {
                out.write((int) (buffer & 0xFF));
                buffer = 0;
                used = 0;
            }
            return out.toByteArray();
        }
    }

    // ---- bytes ------------------------------------------------------------------------------------

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static byte[] slice(byte[] data, int from, int to) {
        byte[] part = new byte[to - from];
        System.arraycopy(data, from, part, 0, part.length);
        return part;
    }
}

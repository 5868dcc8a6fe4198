package dev.cutout.vision.verify;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Samples cached on disk, so that retraining the quality network does not run the segmenter over the
 * photos again. The file starts with a key describing how the samples were made; a file with another
 * key (other folders, limits, segmenter or input layout) is not used.
 */
public final class QualitySampleFile {

    private static final int FORMAT = 1;

    private QualitySampleFile() {
    }

    public static void write(Path file, String key, List<QualitySample> samples) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(partial)))) {
            out.writeInt(FORMAT);
            out.writeUTF(key);
            out.writeInt(samples.size());
            for (QualitySample s : samples) {
                out.writeUTF(s.photo());
                out.writeUTF(s.source());
                writeFloats(out, s.image());
                writeFloats(out, s.features());
                out.writeInt(s.clusterFeatures().length);
                for (double v : s.clusterFeatures()) {
                    out.writeDouble(v);
                }
                out.writeDouble(s.trueIou());
                out.writeUTF(s.label().name());
            }
        }
        // Written aside and moved: an interrupted write never leaves a truncated cache behind.
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The cached samples, or empty when there is no file or it was made another way. */
    public static Optional<List<QualitySample>> read(Path file, String key) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != FORMAT || !in.readUTF().equals(key)) {
                return Optional.empty();
            }
            int count = in.readInt();
            List<QualitySample> samples = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String photo = in.readUTF();
                String source = in.readUTF();
                float[] image = readFloats(in);
                float[] features = readFloats(in);
                double[] cluster = new double[in.readInt()];
                for (int j = 0; j < cluster.length; j++) {
                    cluster[j] = in.readDouble();
                }
                double iou = in.readDouble();
                samples.add(new QualitySample(photo, source, image, features, cluster, iou,
                        QualityLabel.valueOf(in.readUTF())));
            }
            return Optional.of(samples);
        }
    }

    private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
        out.writeInt(values.length);
        for (float v : values) {
            out.writeFloat(v);
        }
    }

    private static float[] readFloats(DataInputStream in) throws IOException {
        float[] values = new float[in.readInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readFloat();
        }
        return values;
    }
}

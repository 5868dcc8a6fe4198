package dev.cutout.vision.verify;

import dev.cutout.vision.quality.ClusterAssignment;
import dev.cutout.vision.quality.QualityReason;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One CSV row per verified mask: what the verifier said and what the truth was, so that a reviewer or
 * an analyst can see which masks a threshold would have published and recompute any summary.
 *
 * <p>Columns: {@code folder,photo,cluster,threshold,score,true_iou,good,auto_published,reasons}; the
 * reasons are separated by {@code |}; a mask without a cluster has cluster -1 and threshold 1.
 */
public final class VerifiedMaskCsv {

    public static final String HEADER = "folder,photo,cluster,threshold,score,true_iou,good,auto_published,reasons";

    private VerifiedMaskCsv() {
    }

    public static void write(List<VerifiedMask> masks, Writer out) throws IOException {
        out.write(HEADER);
        out.write('\n');
        for (VerifiedMask mask : masks) {
            out.write(row(mask));
            out.write('\n');
        }
        out.flush();
    }

    static String row(VerifiedMask mask) {
        ClusterAssignment cluster = mask.assessment().cluster();
        String reasons = mask.assessment().reasons().stream().map(QualityReason::name)
                .collect(Collectors.joining("|"));
        return String.format(Locale.ROOT, "%s,%s,%d,%.4f,%.6f,%.6f,%b,%b,%s", field(mask.folder()), field(mask.photo()),
                cluster == null ? -1 : cluster.id(), mask.publishThreshold(),
                mask.assessment().score(), mask.trueIou(), mask.good(), mask.autoPublished(), reasons);
    }

    /** A name as a CSV field: quoted when it holds a comma, a quote or a line break. */
    static String field(String value) {
        if (value.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}

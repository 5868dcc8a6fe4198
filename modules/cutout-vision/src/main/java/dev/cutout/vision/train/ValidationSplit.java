package dev.cutout.vision.train;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which groups of a folder (all views of a car, or a single photo) a segmenter run holds out from
 * training. The choice is a fixed scrambling of the group names, so it is stable across runs and
 * resumes, and other tools (the verifier's calibration) can find the photos the segmenter never saw.
 */
public final class ValidationSplit {

    /** The share of groups the default training run holds out. */
    public static final int DEFAULT_PERCENT = 5;

    private ValidationSplit() {
    }

    /**
     * The given share of groups (at least one when the share is positive, never all of them), picked
     * by a fixed scrambling of their names: stable across runs, spread across the folder.
     */
    public static Set<String> heldOutGroups(Collection<String> groups, int validationPercent) {
        List<String> ordered = groups.stream().distinct()
                .sorted(Comparator.comparingInt((String g) -> g.hashCode() * 0x9E3779B1).thenComparing(g -> g))
                .toList();
        int count = validationPercent == 0 ? 0
                : Math.max(1, (int) Math.round(ordered.size() * validationPercent / 100.0));
        return new HashSet<>(ordered.subList(0, Math.min(count, ordered.size() - 1)));
    }
}

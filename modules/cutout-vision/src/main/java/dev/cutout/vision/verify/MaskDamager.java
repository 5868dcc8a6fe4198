package dev.cutout.vision.verify;

import dev.cutout.vision.mask.AlphaMask;
import java.util.Arrays;
import java.util.Objects;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.function.DoubleFunction;
import java.util.random.RandomGenerator;

/**
 * Damages a good mask in one of the ways real masks fail ({@link MaskDamage}), to make training pairs
 * for the verification model: the damaged mask, and its IoU with the mask it came from as the target.
 *
 * <h2>Severity</h2>
 * The IoU the damage should leave is drawn first: with probability 0.65 uniformly in
 * {@code [0.8, 0.98]} (masks that look almost right, where the publish threshold is decided), otherwise
 * uniformly between a per-damage floor and 0.8 (0.3 for a missing part, 0.7 for a soft edge: a soft
 * edge cannot lose more without becoming another damage). Then the damage's strength (a radius, a
 * size, an amplitude) is found by bisection so that the IoU comes close to it. Drawing the IoU rather
 * than the strength keeps the spread of targets the same for a car that fills the frame and a ring
 * that fills a tenth of it. Damages that saturate (a shadow under a subject already at the bottom
 * of the frame) stop at their strongest; a strength that leaves the IoU above 0.99 is never chosen
 * when a stronger one is possible, and a damage that even at its strongest leaves it there (a blob
 * drawn off the frame) is drawn again, up to four times. {@link MaskDamage#WRONG_OBJECT} instead
 * draws an IoU cap in {@code [0.05, 0.6]} and moves the other object away until it is under it.
 *
 * <h2>Output</h2>
 * The damage is decided on the input binarised at one half; the result then gets a soft ramp of one
 * or two pixels (one or two 3x3 box means) so that it looks like a network's output rather than a
 * drawing, clamped so that the ramp never moves a pixel across one half: the IoU of the output with
 * the input, both binarised at one half, is the IoU the damage was sized for. {@link
 * MaskDamage#SOFT_EDGE} makes its own wide band instead. The input's own soft values are not kept.
 *
 * <p>Each call takes one {@code long} from the given {@link Random} and draws everything else, in a
 * fixed order, from a {@link SplittableRandom} seeded with it: a seed gives the same damage, and
 * {@code Random}s seeded with neighbouring numbers (whose first draws are nearly equal) still give
 * unrelated ones. Stateless and thread-safe (each thread needs its own {@code Random}).
 */
public final class MaskDamager {

    static final float HALF = 0.5f;
    /** The share of draws aimed at the hard-to-tell range {@code [0.8, 0.98]}. */
    static final double HARD_SHARE = 0.65;
    private static final double HARD_LOW = 0.8;
    private static final double HARD_HIGH = 0.98;
    /** A damage that leaves the IoU above this is too slight to count, unless it cannot do more. */
    private static final double VISIBLE_IOU = 0.99;
    private static final int BISECTION_STEPS = 10;
    private static final int ATTEMPTS = 4;
    /** The largest amplitude, in pixels, of the rough edge's fine grain. */
    private static final double FINE_AMPLITUDE = 1.5;

    /**
     * A damaged copy of {@code mask}, at its size.
     *
     * @param damage what to do to it
     * @param mask   the mask to damage (a true or predicted mask; soft values allowed, binarised at one
     *               half); an empty mask is returned unchanged
     * @param donor  another photo's mask, any size, used only by {@link MaskDamage#WRONG_OBJECT} (an
     *               ellipse stands in when it is null or empty); may be null for the other damages
     * @param random the source of every random choice
     */
    public AlphaMask apply(MaskDamage damage, AlphaMask mask, AlphaMask donor, Random random) {
        Objects.requireNonNull(damage, "damage");
        Objects.requireNonNull(mask, "mask");
        Objects.requireNonNull(random, "random");
        // java.util.Random seeded with neighbouring numbers starts with nearly equal draws; one long
        // from it, hashed by SplittableRandom's seeding, decorrelates them.
        RandomGenerator draws = new SplittableRandom(random.nextLong());
        Subject subject = Subject.of(mask);
        if (subject.area == 0) {
            return mask;
        }
        if (damage == MaskDamage.SOFT_EDGE) {
            return softEdge(subject, draws);
        }
        boolean[] damaged = null;
        // A damage placed where it can do nothing (a blob off the frame) is drawn again, a few times.
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            damaged = switch (damage) {
                case ERODED -> eroded(subject, draws);
                case DILATED -> dilated(subject, draws);
                case HOLES -> holes(subject, draws);
                case MISSING_PART -> missingPart(subject, draws);
                case EXTRA_BLOB -> extraBlob(subject, draws);
                case SHADOW_KEPT -> shadowKept(subject, draws);
                case WRONG_OBJECT -> wrongObject(subject, donor, draws);
                case ROUGH_EDGE -> roughEdge(subject, draws);
                case SOFT_EDGE -> throw new AssertionError("handled above");
            };
            if (iou(damaged, subject.in) < VISIBLE_IOU) {
                break;
            }
        }
        return ramp(damaged, subject.w, subject.h, draws);
    }

    /** The lowest IoU each damage aims for; the rest of the draw lies between it and 0.98. */
    static double floor(MaskDamage damage) {
        return switch (damage) {
            case MISSING_PART -> 0.3;
            case ERODED, DILATED, EXTRA_BLOB -> 0.4;
            case HOLES, SHADOW_KEPT -> 0.6;
            case ROUGH_EDGE -> 0.65;
            case SOFT_EDGE -> 0.7;
            case WRONG_OBJECT -> 0.05;
        };
    }

    private static double target(MaskDamage damage, RandomGenerator random) {
        double u = random.nextDouble();
        double v = random.nextDouble();
        double floor = floor(damage);
        if (u < HARD_SHARE || floor >= HARD_LOW) {
            return HARD_LOW + (HARD_HIGH - HARD_LOW) * v;
        }
        return floor + (HARD_LOW - floor) * v;
    }

    private static boolean[] eroded(Subject s, RandomGenerator random) {
        double target = target(MaskDamage.ERODED, random);
        float[] toBackground = s.distanceToBackground();
        float deepest = 0;
        for (int i = 0; i < toBackground.length; i++) {
            if (s.in[i]) {
                deepest = Math.max(deepest, toBackground[i]);
            }
        }
        // A subject that fills the frame has no background to measure from: cap at the frame's size.
        float limit = Math.max(1, Math.min(deepest, Math.max(s.w, s.h)));
        return solve(r -> {
            boolean[] out = new boolean[s.in.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = s.in[i] && toBackground[i] > r;
            }
            return out;
        }, s.in, 1, limit, target);
    }

    private static boolean[] dilated(Subject s, RandomGenerator random) {
        double target = target(MaskDamage.DILATED, random);
        float[] toSubject = Planes.distanceTo(s.in, s.w, s.h);
        return solve(r -> {
            boolean[] out = new boolean[s.in.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = toSubject[i] <= r;
            }
            return out;
        }, s.in, 1, 2 * s.radius + 2, target);
    }

    /**
     * One to four ellipses, centred inside the subject and kept a few pixels from its outline, so the
     * outline survives and the damage is holes rather than bites.
     */
    private static boolean[] holes(Subject s, RandomGenerator random) {
        double target = target(MaskDamage.HOLES, random);
        int count = 1 + random.nextInt(4);
        double[][] shapes = new double[count][];
        for (int k = 0; k < count; k++) {
            double a = s.radius * (0.15 + 0.25 * random.nextDouble());
            shapes[k] = new double[] {random.nextDouble(), a, a * (0.4 + 0.6 * random.nextDouble()),
                    Math.PI * random.nextDouble()};
        }
        float[] toBackground = s.distanceToBackground();
        double margin = Math.max(2, 0.03 * s.radius);
        int[] inside = indicesWhere(toBackground, s.in, margin + Math.max(1, 0.05 * s.radius));
        if (inside.length == 0) {
            inside = indicesWhere(toBackground, s.in, margin);
        }
        if (inside.length == 0) {
            return s.in.clone();
        }
        int[] centres = new int[count];
        for (int k = 0; k < count; k++) {
            centres[k] = inside[(int) (shapes[k][0] * inside.length)];
        }
        return solve(scale -> {
            boolean[] hole = new boolean[s.in.length];
            for (int k = 0; k < count; k++) {
                Shapes.ellipse(hole, s.w, s.h, centres[k] % s.w, centres[k] / s.w, scale * shapes[k][1],
                        scale * shapes[k][2], shapes[k][3]);
            }
            boolean[] out = s.in.clone();
            for (int i = 0; i < out.length; i++) {
                if (hole[i] && toBackground[i] > margin) {
                    out[i] = false;
                }
            }
            return out;
        }, s.in, 0, 4, target);
    }

    /** Either everything beyond a straight cut, or a large ellipse bitten out of the outline. */
    private static boolean[] missingPart(Subject s, RandomGenerator random) {
        double target = target(MaskDamage.MISSING_PART, random);
        if (random.nextBoolean()) {
            double angle = 2 * Math.PI * random.nextDouble();
            double cos = Math.cos(angle);
            double sin = Math.sin(angle);
            float[] along = new float[s.in.length];
            float low = Float.POSITIVE_INFINITY;
            float high = Float.NEGATIVE_INFINITY;
            for (int i = 0; i < along.length; i++) {
                along[i] = (float) ((i % s.w - s.cx) * cos + (i / s.w - s.cy) * sin);
                if (s.in[i]) {
                    low = Math.min(low, along[i]);
                    high = Math.max(high, along[i]);
                }
            }
            float far = high;
            float span = high - low;
            return solve(cut -> {
                double limit = far - cut * span;
                boolean[] out = s.in.clone();
                for (int i = 0; i < out.length; i++) {
                    if (along[i] > limit) {
                        out[i] = false;
                    }
                }
                return out;
            }, s.in, 0, 1, target);
        }
        int[] edge = s.outline();
        int centre = edge[random.nextInt(edge.length)];
        double a = s.radius * (0.5 + 0.5 * random.nextDouble());
        double b = a * (0.5 + 0.5 * random.nextDouble());
        double angle = Math.PI * random.nextDouble();
        return solve(scale -> {
            boolean[] bite = new boolean[s.in.length];
            Shapes.ellipse(bite, s.w, s.h, centre % s.w, centre / s.w, scale * a, scale * b, angle);
            boolean[] out = s.in.clone();
            for (int i = 0; i < out.length; i++) {
                if (bite[i]) {
                    out[i] = false;
                }
            }
            return out;
        }, s.in, 0, 5, target);
    }

    /**
     * An ellipse of false foreground grown outwards from a point of the outline: overlapping the
     * subject, just touching it, or (three times in ten) a little apart from it.
     */
    private static boolean[] extraBlob(Subject s, RandomGenerator random) {
        double target = target(MaskDamage.EXTRA_BLOB, random);
        int[] edge = s.outline();
        int start = edge[random.nextInt(edge.length)];
        double dx = start % s.w - s.cx;
        double dy = start / s.w - s.cy;
        double length = Math.hypot(dx, dy);
        double outward = length > 1e-9 ? Math.atan2(dy, dx) : 2 * Math.PI * random.nextDouble();
        outward += 0.5 * (random.nextDouble() - 0.5);
        double ux = Math.cos(outward);
        double uy = Math.sin(outward);
        double ratio = 0.4 + 0.6 * random.nextDouble();
        double angle = Math.PI * random.nextDouble();
        double reach = 0.5 + 0.5 * random.nextDouble();
        double gap = random.nextDouble() < 0.3 ? s.radius * (0.05 + 0.2 * random.nextDouble()) : 0;
        // The ellipse's half-extent along the outward direction, per unit of its semi-major axis: the
        // centre sits so that its near end is the gap beyond the start point, or overlaps it.
        double along = Math.hypot(Math.cos(outward - angle), ratio * Math.sin(outward - angle));
        return solve(a -> {
            boolean[] out = s.in.clone();
            double distance = gap + a * along * (2 * reach - 1);
            Shapes.ellipse(out, s.w, s.h, start % s.w + ux * distance, start / s.w + uy * distance, a, a * ratio,
                    angle);
            return out;
        }, s.in, 0, 2.5 * s.radius, target);
    }

    /**
     * A flat ellipse (or, three times in ten, a flat band) centred near the subject's lowest row; only
     * its part below the subject's centroid is kept, since a shadow never rises above the product.
     */
    private static boolean[] shadowKept(Subject s, RandomGenerator random) {
        double target = target(MaskDamage.SHADOW_KEPT, random);
        double halfWidth = Math.max(2, (s.right - s.left + 1) / 2.0);
        double base = halfWidth * (0.7 + 0.6 * random.nextDouble());
        double flatness = 0.06 + 0.14 * random.nextDouble();
        double centreX = s.cx + halfWidth * 0.3 * (random.nextDouble() - 0.5);
        double drop = random.nextDouble() - 0.6;
        boolean band = random.nextDouble() < 0.3;
        int firstRow = (int) Math.floor(s.cy) + 1;
        return solve(scale -> {
            double a = scale * base;
            double b = Math.max(1.5, a * flatness);
            double centreY = s.bottom + drop * b;
            boolean[] shadow = new boolean[s.in.length];
            if (band) {
                Shapes.rectangle(shadow, s.w, s.h, centreX - a, centreY - b, centreX + a, centreY + b);
            } else {
                Shapes.ellipse(shadow, s.w, s.h, centreX, centreY, a, b, 0);
            }
            boolean[] out = s.in.clone();
            for (int i = Math.min(out.length, firstRow * s.w); i < out.length; i++) {
                out[i] |= shadow[i];
            }
            return out;
        }, s.in, 0, 3, target);
    }

    /**
     * The donor's shape, scaled to about the subject's area, maybe mirrored, and placed at the
     * subject's centroid, then moved away in a random direction until the IoU is under the drawn cap.
     * Three times in ten part of the subject (20 to 50% of it, on one side of a line) is kept beside
     * it: a mask that found the product and something else.
     */
    private static boolean[] wrongObject(Subject s, AlphaMask donor, RandomGenerator random) {
        double cap = 0.05 + 0.55 * random.nextDouble();
        Subject other = donor == null ? null : Subject.of(donor.resize(s.w, s.h));
        if (other == null || other.area == 0) {
            boolean[] ellipse = new boolean[s.in.length];
            double a = s.radius * (0.6 + 0.8 * random.nextDouble());
            Shapes.ellipse(ellipse, s.w, s.h, s.w / 2.0, s.h / 2.0, a, a * (0.3 + 0.7 * random.nextDouble()),
                    Math.PI * random.nextDouble());
            other = Subject.of(s.w, s.h, ellipse);
        }
        Subject source = other.area == 0 ? s : other;
        double scale = Math.sqrt((double) s.area / source.area) * (0.7 + 0.6 * random.nextDouble());
        boolean mirrored = random.nextBoolean();
        double direction = 2 * Math.PI * random.nextDouble();
        boolean partly = random.nextDouble() < 0.3;
        double keepShare = 0.2 + 0.3 * random.nextDouble();
        double cutAngle = 2 * Math.PI * random.nextDouble();
        boolean[] kept = partly ? keepShare(s, keepShare, cutAngle) : new boolean[s.in.length];
        boolean[] out = null;
        for (int step = 0; step <= 40; step++) {
            double distance = step * 0.1 * s.radius;
            out = place(source, s.w, s.h, s.cx + Math.cos(direction) * distance,
                    s.cy + Math.sin(direction) * distance, scale, mirrored);
            for (int i = 0; i < out.length; i++) {
                out[i] |= kept[i];
            }
            if (iou(out, s.in) <= cap) {
                break;
            }
        }
        return out;
    }

    /**
     * The outline moved in and out by noise added to the signed distance to it: a fine grain (one or
     * two pixels, at most 1.5 pixels of amplitude) makes the outline jagged, a
     * coarse one (a tenth to a fifth of the subject's radius) makes it lumpy. The coarse amplitude is
     * what the bisection sizes, so a strong damage is a lumpy outline with a jagged fringe rather than
     * a cloud of specks.
     */
    private static boolean[] roughEdge(Subject s, RandomGenerator random) {
        double target = target(MaskDamage.ROUGH_EDGE, random);
        float[] fine = unitNoise(s, 1 + random.nextInt(2), random);
        int coarseGrain = (int) Math.max(2, Math.round(s.radius * (0.1 + 0.1 * random.nextDouble())));
        float[] coarse = unitNoise(s, coarseGrain, random);
        float[] toBackground = s.distanceToBackground();
        float[] toSubject = Planes.distanceTo(s.in, s.w, s.h);
        float[] signed = new float[s.in.length];
        for (int i = 0; i < signed.length; i++) {
            signed[i] = s.in[i] ? toBackground[i] : -toSubject[i];
        }
        return solve(amplitude -> {
            double fineAmplitude = Math.min(amplitude, FINE_AMPLITUDE);
            boolean[] out = new boolean[s.in.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = signed[i] + fineAmplitude * fine[i] + amplitude * coarse[i] > 0;
            }
            return out;
        }, s.in, 0, Math.max(4, 0.5 * s.radius), target);
    }

    /** Gaussian white noise box-blurred twice at radius {@code grain}, scaled to unit spread. */
    private static float[] unitNoise(Subject s, int grain, RandomGenerator random) {
        float[] noise = new float[s.in.length];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) random.nextGaussian();
        }
        noise = Planes.blur(noise, s.w, s.h, grain, 2);
        double sumSquares = 0;
        for (float v : noise) {
            sumSquares += v * v;
        }
        float scale = sumSquares > 0 ? (float) (1 / Math.sqrt(sumSquares / noise.length)) : 0f;
        for (int i = 0; i < noise.length; i++) {
            noise[i] *= scale;
        }
        return noise;
    }

    /**
     * The hard mask blurred wide (three box means of radius 3 to 10% of the subject's radius: about a
     * Gaussian), then raised to a power so that the one-half level sits on the blur's level
     * {@code l}: {@code l} below one half grows the mask (an unsure halo), above shrinks it.
     */
    private static AlphaMask softEdge(Subject s, RandomGenerator random) {
        double target = target(MaskDamage.SOFT_EDGE, random);
        int radius = (int) Math.max(1, Math.round(s.radius * (0.03 + 0.07 * random.nextDouble())));
        boolean grows = random.nextBoolean();
        float[] hard = new float[s.in.length];
        for (int i = 0; i < hard.length; i++) {
            hard[i] = s.in[i] ? 1f : 0f;
        }
        float[] blurred = Planes.blur(hard, s.w, s.h, radius, 3);
        DoubleFunction<boolean[]> damage = shift -> {
            double level = levelOf(grows, shift);
            boolean[] out = new boolean[blurred.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = blurred[i] >= level;
            }
            return out;
        };
        double level = levelOf(grows, strength(damage, s.in, 0, 1, target));
        double power = Math.log(HALF) / Math.log(level);
        float[] out = new float[blurred.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) Math.pow(Math.max(0f, blurred[i]), power);
        }
        return AlphaMask.of(s.w, s.h, out);
    }

    /** The blur level the soft edge's one half sits on: from 0.5 down to 0.2, or up to 0.8. */
    private static double levelOf(boolean grows, double shift) {
        return grows ? 0.5 - 0.3 * shift : 0.5 + 0.3 * shift;
    }

    /** The damage at the strength {@link #strength} picks. */
    private static boolean[] solve(DoubleFunction<boolean[]> damage, boolean[] original, double low, double high,
            double target) {
        return damage.apply(strength(damage, original, low, high, target));
    }

    /**
     * The strength in {@code [low, high]} whose damage comes closest to {@code target} IoU, by
     * bisection, assuming the IoU falls as the strength grows. {@code high} is returned when even it
     * keeps the IoU above the target; weaker strengths only when they change the IoU visibly.
     */
    private static double strength(DoubleFunction<boolean[]> damage, boolean[] original, double low, double high,
            double target) {
        double best = high;
        double bestIou = iou(damage.apply(high), original);
        if (bestIou >= target) {
            return best;
        }
        double lo = low;
        double hi = high;
        for (int step = 0; step < BISECTION_STEPS; step++) {
            double mid = 0.5 * (lo + hi);
            double iou = iou(damage.apply(mid), original);
            if (iou < VISIBLE_IOU && Math.abs(iou - target) < Math.abs(bestIou - target)) {
                best = mid;
                bestIou = iou;
            }
            if (iou > target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return best;
    }

    /** The subject's pixels on one side of a line at {@code angle}, {@code share} of them. */
    private static boolean[] keepShare(Subject s, double share, double angle) {
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        float[] along = new float[s.area];
        int n = 0;
        for (int i = 0; i < s.in.length; i++) {
            if (s.in[i]) {
                along[n++] = (float) ((i % s.w) * cos + (i / s.w) * sin);
            }
        }
        float[] sorted = along.clone();
        Arrays.sort(sorted);
        float limit = sorted[Math.min(s.area - 1, (int) (share * s.area))];
        boolean[] kept = new boolean[s.in.length];
        for (int i = 0; i < s.in.length; i++) {
            kept[i] = s.in[i] && (i % s.w) * cos + (i / s.w) * sin <= limit;
        }
        return kept;
    }

    /** {@code source}'s pixels scaled about its centroid by {@code scale} and centred on (x, y). */
    private static boolean[] place(Subject source, int w, int h, double x, double y, double scale,
            boolean mirrored) {
        boolean[] out = new boolean[w * h];
        for (int py = 0; py < h; py++) {
            int sy = (int) Math.floor(source.cy + (py - y) / scale + 0.5);
            if (sy < 0 || sy >= source.h) {
                continue;
            }
            for (int px = 0; px < w; px++) {
                double dx = (px - x) / scale;
                int sx = (int) Math.floor(source.cx + (mirrored ? -dx : dx) + 0.5);
                if (sx >= 0 && sx < source.w && source.in[sy * source.w + sx]) {
                    out[py * w + px] = true;
                }
            }
        }
        return out;
    }

    /**
     * The soft ramp: one or two 3x3 box means of the hard mask, clamped to at least one half inside
     * and below it outside, so that it softens the outline without moving it.
     */
    private static AlphaMask ramp(boolean[] hard, int w, int h, RandomGenerator random) {
        int passes = 1 + random.nextInt(2);
        float[] v = new float[hard.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = hard[i] ? 1f : 0f;
        }
        float[] soft = Planes.blur(v, w, h, 1, passes);
        for (int i = 0; i < soft.length; i++) {
            soft[i] = hard[i] ? Math.max(soft[i], HALF) : Math.min(soft[i], 0.49f);
        }
        return AlphaMask.of(w, h, soft);
    }

    private static int[] indicesWhere(float[] distance, boolean[] in, double beyond) {
        int n = 0;
        for (int i = 0; i < in.length; i++) {
            if (in[i] && distance[i] > beyond) {
                n++;
            }
        }
        int[] out = new int[n];
        n = 0;
        for (int i = 0; i < in.length; i++) {
            if (in[i] && distance[i] > beyond) {
                out[n++] = i;
            }
        }
        return out;
    }

    static double iou(boolean[] a, boolean[] b) {
        int both = 0;
        int either = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] && b[i]) {
                both++;
            }
            if (a[i] || b[i]) {
                either++;
            }
        }
        return either == 0 ? 1 : (double) both / either;
    }

    /** The input binarised at one half and what the damages measure it by. */
    private static final class Subject {
        final int w;
        final int h;
        final boolean[] in;
        final int area;
        final double cx;
        final double cy;
        final int left;
        final int right;
        final int bottom;
        /** The radius of a disc of the subject's area: the unit damages are sized in. */
        final double radius;
        private float[] toBackground;

        private Subject(int w, int h, boolean[] in) {
            this.w = w;
            this.h = h;
            this.in = in;
            int count = 0;
            double sx = 0;
            double sy = 0;
            int l = w;
            int r = -1;
            int b = -1;
            for (int i = 0; i < in.length; i++) {
                if (in[i]) {
                    int x = i % w;
                    int y = i / w;
                    count++;
                    sx += x;
                    sy += y;
                    l = Math.min(l, x);
                    r = Math.max(r, x);
                    b = Math.max(b, y);
                }
            }
            this.area = count;
            this.cx = count == 0 ? w / 2.0 : sx / count;
            this.cy = count == 0 ? h / 2.0 : sy / count;
            this.left = l;
            this.right = r;
            this.bottom = b;
            this.radius = Math.sqrt(count / Math.PI);
        }

        static Subject of(AlphaMask mask) {
            boolean[] in = new boolean[mask.pixelCount()];
            for (int i = 0; i < in.length; i++) {
                in[i] = mask.at(i) >= HALF;
            }
            return new Subject(mask.width(), mask.height(), in);
        }

        static Subject of(int w, int h, boolean[] in) {
            return new Subject(w, h, in);
        }

        /** Distance from each pixel to the nearest background pixel (infinite if there is none). */
        float[] distanceToBackground() {
            if (toBackground == null) {
                boolean[] background = new boolean[in.length];
                for (int i = 0; i < in.length; i++) {
                    background[i] = !in[i];
                }
                toBackground = Planes.distanceTo(background, w, h);
            }
            return toBackground;
        }

        /** The subject's pixels with a background 4-neighbour (the frame does not count). */
        int[] outline() {
            int n = 0;
            int[] out = new int[area];
            for (int i = 0; i < in.length; i++) {
                if (!in[i]) {
                    continue;
                }
                int x = i % w;
                int y = i / w;
                boolean edge = (x > 0 && !in[i - 1]) || (x < w - 1 && !in[i + 1]) || (y > 0 && !in[i - w])
                        || (y < h - 1 && !in[i + w]);
                if (edge) {
                    out[n++] = i;
                }
            }
            // A subject that fills the frame has no outline; any of its pixels will do.
            return n == 0 ? new int[] {out.length > 0 ? firstInside() : 0} : Arrays.copyOf(out, n);
        }

        private int firstInside() {
            for (int i = 0; i < in.length; i++) {
                if (in[i]) {
                    return i;
                }
            }
            return 0;
        }
    }
}

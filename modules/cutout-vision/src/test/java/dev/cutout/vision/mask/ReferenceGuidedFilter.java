package dev.cutout.vision.mask;

import java.awt.image.BufferedImage;

/**
 * The colour guided filter written straight from He et al.'s definition, with windows clipped at
 * the border and explicit loops: slow, obviously right, the yardstick for the fast one.
 */
final class ReferenceGuidedFilter {

    private ReferenceGuidedFilter() {
    }

    static double[] apply(BufferedImage photo, float[] p, int r, double eps) {
        int w = photo.getWidth();
        int h = photo.getHeight();
        double[][] guide = new double[3][w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = photo.getRGB(x, y);
                guide[0][y * w + x] = ((rgb >> 16) & 0xFF) / 255.0;
                guide[1][y * w + x] = ((rgb >> 8) & 0xFF) / 255.0;
                guide[2][y * w + x] = (rgb & 0xFF) / 255.0;
            }
        }
        double[][] a = new double[3][w * h];
        double[] b = new double[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double[] mean = new double[3];
                double[][] second = new double[3][3];
                double[] cross = new double[3];
                double meanP = 0;
                int n = 0;
                for (int yy = Math.max(0, y - r); yy <= Math.min(h - 1, y + r); yy++) {
                    for (int xx = Math.max(0, x - r); xx <= Math.min(w - 1, x + r); xx++) {
                        int j = yy * w + xx;
                        for (int c = 0; c < 3; c++) {
                            mean[c] += guide[c][j];
                            cross[c] += guide[c][j] * p[j];
                            for (int d = 0; d < 3; d++) {
                                second[c][d] += guide[c][j] * guide[d][j];
                            }
                        }
                        meanP += p[j];
                        n++;
                    }
                }
                meanP /= n;
                double[][] sigma = new double[3][3];
                double[] cov = new double[3];
                for (int c = 0; c < 3; c++) {
                    mean[c] /= n;
                }
                for (int c = 0; c < 3; c++) {
                    cov[c] = cross[c] / n - mean[c] * meanP;
                    for (int d = 0; d < 3; d++) {
                        sigma[c][d] = second[c][d] / n - mean[c] * mean[d] + (c == d ? eps : 0);
                    }
                }
                double[] coefficients = solve(sigma, cov);
                int i = y * w + x;
                b[i] = meanP;
                for (int c = 0; c < 3; c++) {
                    a[c][i] = coefficients[c];
                    b[i] -= coefficients[c] * mean[c];
                }
            }
        }
        double[] q = new double[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double[] meanA = new double[3];
                double meanB = 0;
                int n = 0;
                for (int yy = Math.max(0, y - r); yy <= Math.min(h - 1, y + r); yy++) {
                    for (int xx = Math.max(0, x - r); xx <= Math.min(w - 1, x + r); xx++) {
                        int j = yy * w + xx;
                        for (int c = 0; c < 3; c++) {
                            meanA[c] += a[c][j];
                        }
                        meanB += b[j];
                        n++;
                    }
                }
                int i = y * w + x;
                q[i] = meanB / n;
                for (int c = 0; c < 3; c++) {
                    q[i] += meanA[c] / n * guide[c][i];
                }
            }
        }
        return q;
    }

    /** Gaussian elimination with partial pivoting for a 3x3 system. */
    private static double[] solve(double[][] m, double[] v) {
        double[][] a = new double[3][4];
        for (int i = 0; i < 3; i++) {
            System.arraycopy(m[i], 0, a[i], 0, 3);
            a[i][3] = v[i];
        }
        for (int col = 0; col < 3; col++) {
            int pivot = col;
            for (int row = col + 1; row < 3; row++) {
                if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
                    pivot = row;
                }
            }
            double[] tmp = a[col];
            a[col] = a[pivot];
            a[pivot] = tmp;
            for (int row = 0; row < 3; row++) {
                if (row != col) {
                    double f = a[row][col] / a[col][col];
                    for (int k = col; k < 4; k++) {
                        a[row][k] -= f * a[col][k];
                    }
                }
            }
        }
        return new double[] {a[0][3] / a[0][0], a[1][3] / a[1][1], a[2][3] / a[2][2]};
    }
}

package org.multivector.metric;

/**
 * Structural balance of a signed network (Heider 1946; Cartwright &amp; Harary 1956): the share of
 * triads with all three ties present whose sign product is positive ("the friend of my friend is
 * my friend"). Signs are +1, -1, or 0 (no tie). Returns NaN when no closed triad exists.
 */
public final class StructuralBalance {
    private StructuralBalance() {}

    /** {@code sign[a*n+b]}, symmetric. */
    public static double of(int[] sign, int n) {
        int closed = 0;
        int balanced = 0;
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                int ab = sign[a * n + b];
                if (ab == 0) {
                    continue;
                }
                for (int c = b + 1; c < n; c++) {
                    int ac = sign[a * n + c];
                    int bc = sign[b * n + c];
                    if (ac == 0 || bc == 0) {
                        continue;
                    }
                    closed++;
                    if (ab * ac * bc > 0) {
                        balanced++;
                    }
                }
            }
        }
        return closed == 0 ? Double.NaN : (double) balanced / closed;
    }
}

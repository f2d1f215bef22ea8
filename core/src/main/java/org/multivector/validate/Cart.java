package org.multivector.validate;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A classification tree (CART: Breiman, Friedman, Olshen &amp; Stone 1984) as scenario discovery's second view beside
 * PRIM (Lempert, Bryant &amp; Bankes 2008 compare the two): binary splits on one input at a time, each chosen to
 * minimise the Gini impurity of its two children, to {@code maxDepth} levels and no leaf smaller than
 * {@code minLeaf} points. No pruning: the depth limit keeps the tree readable, which is what it is for here.
 */
public final class Cart {
    private Cart() {}

    /**
     * A node: a leaf when {@code input} is −1; else points with {@code x[input] <= threshold} go left.
     *
     * @param points points reaching the node
     * @param cases cases among them
     */
    public record Node(int input, double threshold, Node left, Node right, int points, int cases) {
        public boolean leaf() {
            return input < 0;
        }

        /** Share of the node's points that are cases. */
        public double density() {
            return points == 0 ? 0 : cases / (double) points;
        }
    }

    public static Node grow(double[][] x, boolean[] y, int maxDepth, int minLeaf) {
        int[] all = new int[x.length];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return grow(x, y, all, maxDepth, Math.max(1, minLeaf));
    }

    private static Node grow(double[][] x, boolean[] y, int[] idx, int depth, int minLeaf) {
        int n = idx.length;
        int cases = 0;
        for (int i : idx) {
            cases += y[i] ? 1 : 0;
        }
        if (depth == 0 || cases == 0 || cases == n || n < 2 * minLeaf) {
            return new Node(-1, Double.NaN, null, null, n, cases);
        }
        int k = x[0].length;
        double best = gini(cases, n) * n;
        int bestInput = -1;
        double bestThreshold = Double.NaN;
        Integer[] order = new Integer[n];
        for (int d = 0; d < k; d++) {
            for (int j = 0; j < n; j++) {
                order[j] = idx[j];
            }
            final int dim = d;
            Arrays.sort(order, (a, b) -> Double.compare(x[a][dim], x[b][dim]));
            int leftCases = 0;
            for (int j = 0; j < n - 1; j++) {
                leftCases += y[order[j]] ? 1 : 0;
                int left = j + 1;
                double a = x[order[j]][d];
                double b = x[order[j + 1]][d];
                if (left < minLeaf || n - left < minLeaf || a == b) {
                    continue;
                }
                double impurity = gini(leftCases, left) * left + gini(cases - leftCases, n - left) * (n - left);
                if (impurity < best - 1e-12) {
                    best = impurity;
                    bestInput = d;
                    bestThreshold = (a + b) / 2;
                }
            }
        }
        if (bestInput < 0) {
            return new Node(-1, Double.NaN, null, null, n, cases);
        }
        final int bi = bestInput;
        final double bt = bestThreshold;
        int[] left = Arrays.stream(idx).filter(i -> x[i][bi] <= bt).toArray();
        int[] right = Arrays.stream(idx).filter(i -> x[i][bi] > bt).toArray();
        return new Node(
                bestInput,
                bestThreshold,
                grow(x, y, left, depth - 1, minLeaf),
                grow(x, y, right, depth - 1, minLeaf),
                n,
                cases);
    }

    private static double gini(int cases, int n) {
        if (n == 0) {
            return 0;
        }
        double p = cases / (double) n;
        return 2 * p * (1 - p);
    }

    /** The tree as indented rules, inputs named by {@code names}. */
    public static String text(Node root, List<String> names) {
        StringBuilder b = new StringBuilder();
        text(root, names, "", b);
        return b.toString();
    }

    private static void text(Node n, List<String> names, String indent, StringBuilder b) {
        if (n.leaf()) {
            b.append(String.format(
                    Locale.ROOT,
                    "%s→ %d points, %d cases (%.0f %%)%n",
                    indent,
                    n.points(),
                    n.cases(),
                    100 * n.density()));
            return;
        }
        String name = names.get(n.input());
        b.append(String.format(Locale.ROOT, "%sif %s <= %.4g:%n", indent, name, n.threshold()));
        text(n.left(), names, indent + "  ", b);
        b.append(String.format(Locale.ROOT, "%selse (%s > %.4g):%n", indent, name, n.threshold()));
        text(n.right(), names, indent + "  ", b);
    }
}

package org.multivector.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** PRIM and CART find a known box of cases among noise inputs. */
class ScenarioDiscoveryTest {
    /** 2,000 uniform points in 5 inputs; cases: x0 > 0.6 and x2 < 0.3 (6 % of the points), flipped with 2 % noise. */
    static final double[][] X = new double[2000][5];

    static final boolean[] Y = new boolean[X.length];

    static {
        Random r = new Random(42);
        for (int i = 0; i < X.length; i++) {
            for (int d = 0; d < 5; d++) {
                X[i][d] = r.nextDouble();
            }
            Y[i] = (X[i][0] > 0.6 && X[i][2] < 0.3) ^ (r.nextDouble() < 0.02);
        }
    }

    @Test
    void prim_peelsToTheTrueBox_restrictsOnlyItsInputs_andTheirQuasiPValuesAreSmall() {
        Prim.Result p = Prim.run(X, Y, 0.05, 0.02, 0.5);
        Prim.Box b = p.box();
        assertThat(b.restricted()).contains(0, 2);
        assertThat(b.lo()[0]).isBetween(0.55, 0.7); // the densest box with half the cases may cut into the true one
        assertThat(b.hi()[2]).isBetween(0.2, 0.35);
        assertThat(b.density()).isGreaterThan(0.75);
        assertThat(b.coverage()).isGreaterThanOrEqualTo(0.5);
        assertThat(p.quasiP()[0]).isLessThan(1e-6);
        assertThat(p.quasiP()[2]).isLessThan(1e-6);
        // restrictions that are not needed are dropped: every one kept is significant
        for (int d : b.restricted()) {
            assertThat(p.quasiP()[d]).isLessThanOrEqualTo(Prim.MAX_QUASI_P);
        }
        assertThat(p.peeled().restricted()).containsAll(b.restricted());
        // the trajectory starts at the whole sample and trades coverage for density
        Prim.Box first = p.trajectory().get(0);
        assertThat(first.support()).isEqualTo(1.0);
        assertThat(first.coverage()).isEqualTo(1.0);
        Prim.Box last = p.trajectory().get(p.trajectory().size() - 1);
        assertThat(last.support()).isGreaterThanOrEqualTo(0.02);
        assertThat(last.density()).isGreaterThan(first.density());
    }

    @Test
    void cart_splitsOnTheTwoInputsAtTheirTrueThresholds() {
        Cart.Node t = Cart.grow(X, Y, 3, 20);
        assertThat(t.leaf()).isFalse();
        // the purest leaf is the box, reached through x0 > ~0.6 and x2 <= ~0.3 in some order
        String text = Cart.text(t, List.of("x0", "x1", "x2", "x3", "x4"));
        assertThat(text).contains("x0", "x2");
        Cart.Node densest = densest(t);
        assertThat(densest.density()).isGreaterThan(0.75);
        assertThat(densest.points()).isBetween(150, 300);
    }

    static Cart.Node densest(Cart.Node n) {
        if (n.leaf()) {
            return n;
        }
        Cart.Node a = densest(n.left());
        Cart.Node b = densest(n.right());
        return a.density() >= b.density() ? a : b;
    }

    @Test
    void aSampleTooSmallToPeel_keepsItsBox() {
        double[][] x = {{0.1}, {0.5}, {0.9}};
        Prim.Result p = Prim.run(x, new boolean[] {false, true, false}, 0.05, 0.01, 0.5);
        assertThat(p.box().points()).isGreaterThanOrEqualTo(1);
        assertThat(p.trajectory().get(p.trajectory().size() - 1).points()).isEqualTo(1);
    }

    @Test
    void withoutCases_primKeepsTheWholeBox_andCartIsOneLeaf() {
        boolean[] none = new boolean[X.length];
        Prim.Result p = Prim.run(X, none, 0.05, 0.05, 0.5);
        assertThat(p.cases()).isZero();
        assertThat(p.box().density()).isZero();
        assertThat(Cart.grow(X, none, 3, 20).leaf()).isTrue();
    }
}

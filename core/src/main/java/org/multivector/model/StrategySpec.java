package org.multivector.model;

import java.util.Objects;

/**
 * The policy rule a regional state follows: {@code multi-vector}, {@code bandwagon:P},
 * {@code balance-against:P} or {@code neutral}.
 */
public sealed interface StrategySpec {
    record MultiVector() implements StrategySpec {}

    record Bandwagon(String pole) implements StrategySpec {
        public Bandwagon {
            Objects.requireNonNull(pole, "pole");
        }
    }

    record BalanceAgainst(String pole) implements StrategySpec {
        public BalanceAgainst {
            Objects.requireNonNull(pole, "pole");
        }
    }

    record Neutral() implements StrategySpec {}

    /** The pole this strategy names, or null. */
    default String pole() {
        if (this instanceof Bandwagon b) {
            return b.pole();
        }
        if (this instanceof BalanceAgainst b) {
            return b.pole();
        }
        return null;
    }

    /** The strategy's text form, as written in scenarios and on the command line. */
    default String text() {
        if (this instanceof Bandwagon b) {
            return "bandwagon:" + b.pole();
        }
        if (this instanceof BalanceAgainst b) {
            return "balance-against:" + b.pole();
        }
        return this instanceof Neutral ? "neutral" : "multi-vector";
    }

    /**
     * Parses the text form. Throws {@link IllegalArgumentException} with a readable message for
     * anything else; pole ids are not checked here.
     */
    public static StrategySpec parse(String text) {
        String t = text.trim();
        if (t.equals("multi-vector")) {
            return new MultiVector();
        }
        if (t.equals("neutral")) {
            return new Neutral();
        }
        int colon = t.indexOf(':');
        if (colon > 0 && colon < t.length() - 1) {
            String kind = t.substring(0, colon);
            String pole = t.substring(colon + 1);
            if (kind.equals("bandwagon")) {
                return new Bandwagon(pole);
            }
            if (kind.equals("balance-against")) {
                return new BalanceAgainst(pole);
            }
        }
        throw new IllegalArgumentException("'" + text
                + "' is not a strategy (expected multi-vector, neutral, bandwagon:POLE or balance-against:POLE)");
    }
}

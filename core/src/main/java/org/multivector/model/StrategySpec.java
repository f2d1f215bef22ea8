package org.multivector.model;

import java.util.Objects;

/**
 * The policy rule a regional state follows: {@code multi-vector}, {@code bandwagon:P},
 * {@code balance-against:P} or {@code neutral}, or a {@link Schedule} of such rules over time
 * ({@code bandwagon:RUS; multi-vector from 2019}).
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

    /** One phase of a schedule: a simple rule from a year on ({@link Integer#MIN_VALUE} = from the start). */
    record Phase(int from, StrategySpec strategy) {
        public Phase {
            Objects.requireNonNull(strategy, "strategy");
            if (strategy instanceof Schedule) {
                throw new IllegalArgumentException("a phase of a schedule cannot itself be a schedule");
            }
        }
    }

    /**
     * Rules that follow each other: each phase holds from its year until the next phase's, the first from the
     * start. Phases are in strictly increasing year order; there are at least two.
     */
    record Schedule(java.util.List<Phase> phases) implements StrategySpec {
        public Schedule {
            phases = java.util.List.copyOf(phases);
            if (phases.size() < 2) {
                throw new IllegalArgumentException("a schedule needs at least two phases");
            }
            for (int k = 1; k < phases.size(); k++) {
                if (phases.get(k).from() <= phases.get(k - 1).from()) {
                    throw new IllegalArgumentException(
                            "phase " + (k + 1) + " starts in " + phases.get(k).from()
                                    + ", not after phase " + k + " ("
                                    + phases.get(k - 1).from()
                                    + "): phases must follow each other in year order");
                }
            }
        }
    }

    /** The simple rule in force in {@code year}. */
    default StrategySpec at(int year) {
        if (this instanceof Schedule sc) {
            StrategySpec in = sc.phases().get(0).strategy();
            for (Phase p : sc.phases()) {
                if (year >= p.from()) {
                    in = p.strategy();
                }
            }
            return in;
        }
        return this;
    }

    /** The simple rules this strategy is made of: itself, or a schedule's phases in order. */
    default java.util.List<StrategySpec> rules() {
        if (this instanceof Schedule sc) {
            return sc.phases().stream().map(Phase::strategy).toList();
        }
        return java.util.List.of(this);
    }

    /** The pole this strategy names, or null (a schedule names its poles through {@link #rules()}). */
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
        if (this instanceof Schedule sc) {
            StringBuilder b = new StringBuilder();
            for (Phase p : sc.phases()) {
                if (b.length() > 0) {
                    b.append("; ");
                }
                b.append(p.strategy().text());
                if (p.from() != Integer.MIN_VALUE) {
                    b.append(" from ").append(p.from());
                }
            }
            return b.toString();
        }
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
        if (text.contains(";") || text.contains(" from ") || text.contains(" until ")) {
            return schedule(text);
        }
        return simple(text);
    }

    /** Parses {@code RULE[ from YEAR]; RULE from YEAR; …}: the first phase may omit its year (from the start). */
    private static StrategySpec schedule(String text) {
        if (text.contains(" until ")) {
            throw new IllegalArgumentException("'" + text + "' uses 'until': a schedule names the year each phase"
                    + " starts (expected for example 'bandwagon:RUS; multi-vector from 2019')");
        }
        java.util.List<Phase> phases = new java.util.ArrayList<>();
        String[] parts = text.split(";", -1);
        for (int k = 0; k < parts.length; k++) {
            String part = parts[k].trim();
            int at = part.indexOf(" from ");
            int from = Integer.MIN_VALUE;
            String rule = part;
            if (at >= 0) {
                rule = part.substring(0, at).trim();
                String year = part.substring(at + 6).trim();
                if (!year.matches("[0-9]{4}")) {
                    throw new IllegalArgumentException("'" + text + "': phase " + (k + 1) + " starts from '" + year
                            + "' (expected a four-digit year)");
                }
                from = Integer.parseInt(year);
            } else if (k > 0) {
                throw new IllegalArgumentException("'" + text + "': phase " + (k + 1) + " ('" + part
                        + "') has no year (expected 'RULE from YEAR' for every phase after the first)");
            }
            phases.add(new Phase(from, simple(rule)));
        }
        if (phases.size() < 2) {
            throw new IllegalArgumentException("'" + text + "' has one phase (expected a rule, or phases separated"
                    + " by ';' such as 'bandwagon:RUS; multi-vector from 2019')");
        }
        return new Schedule(phases);
    }

    private static StrategySpec simple(String text) {
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
                + "' is not a strategy (expected multi-vector, neutral, bandwagon:POLE or balance-against:POLE, or"
                + " phases such as 'bandwagon:RUS; multi-vector from 2019')");
    }
}

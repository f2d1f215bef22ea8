package org.multivector.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeSet;
import org.multivector.engine.CompiledScenario;
import org.multivector.engine.Variable;
import org.multivector.model.Actor;
import org.multivector.model.Pole;
import org.multivector.model.Scenario;
import org.multivector.model.TieSeries;
import org.multivector.numeric.PortableMath;

/**
 * The observed patterns of a training period that calibration fits, each with its loss and a naive
 * reference forecast:
 *
 * <ul>
 *   <li>{@code ties.D} for each observed tie dimension D (trade: COW, diplomacy: UN votes): mean absolute
 *       error of the ensemble-mean share per state, pole (residual included, as 1 − the poles' sum) and year
 *       with data; reference: climatology, each series' mean over the period (a constant forecast).
 *   <li>{@code volatility.D} for each observed tie dimension D: mean absolute error of the ensemble-mean
 *       year-to-year change of ties ({@code ½ Σ_p |s_y − s_{y−1}|}, residual included) per state and year with
 *       data in both years; reference: climatology. A method-of-moments target (simulated method of moments for
 *       agent-based models: Franke &amp; Westerhoff 2012; Grazzini &amp; Richiardi 2015): it is what identifies the
 *       variance of the offer shocks, which no pattern of mean shares can.
 *   <li>{@code conflict}: Brier score of the ensemble-mean unrest probability against UCDP armed conflict
 *       (any intensity) per state-year; reference: climatology (the period's base rate).
 *   <li>{@code mid}: Brier score of the ensemble-mean dyadic incident hazard against a COW MID onset in
 *       either direction per dyad (pairs of regional states, and each state's dyads with poles and other
 *       actors, a pole's MIDs being its members') and year; reference: climatology.
 * </ul>
 *
 * The combined loss is the geometric mean over patterns of loss / reference: 1 means "as good as the
 * naive forecast"; each pattern counts equally whatever its units, its number of observations or how
 * hard its reference is to beat (a 10 % improvement counts the same on every pattern).
 */
public final class CalibrationTargets {
    /** One pattern: the cells it reads (indices into {@link #cells()}), what was observed there, and its reference. */
    public record Pattern(
            String id, String description, boolean binary, int[] at, double[] observed, double reference) {
        public int n() {
            return observed.length;
        }

        /** MAE (shares) or Brier score (binary) of forecasts {@code means[at[i]]}. */
        public double loss(double[] means) {
            double s = 0;
            for (int i = 0; i < at.length; i++) {
                double e = means[at[i]] - observed[i];
                s += binary ? e * e : Math.abs(e);
            }
            return s / at.length;
        }
    }

    private final int[] cells;
    private final List<Pattern> patterns;

    private CalibrationTargets(int[] cells, List<Pattern> patterns) {
        this.cells = cells;
        this.patterns = patterns;
    }

    /**
     * The patterns observed in {@code from..to} that the compiled scenario {@code c} (of {@code s}, with its
     * observed ties) can be compared with. {@code obs} may be null (only tie patterns then).
     */
    public static CalibrationTargets of(Scenario s, CompiledScenario c, Observations obs, int from, int to) {
        Map<Variable, Integer> vars = columns(c.variables());
        int width = c.variables().size();
        int lastYear = c.firstYear() + c.years() - 1;
        int y0 = Math.max(from, c.firstYear());
        int y1 = Math.min(to, lastYear);
        List<Builder> builders = new ArrayList<>();
        Pole residual = s.poles().stream().filter(Pole::residual).findFirst().orElse(null);
        for (var d : s.dimensions()) {
            Builder b = new Builder(
                    "ties." + d.id(),
                    "share of " + d.id() + " ties per state, pole and year (MAE; reference: climatology)",
                    false,
                    width);
            for (Actor a : s.regionalStates()) {
                TieSeries ts = s.tie(a.id(), d.id()).orElse(null);
                if (ts == null || ts.provenance().assumption() != null) {
                    continue;
                }
                NavigableMap<Integer, Map<String, Double>> sh = ts.shares().subMap(y0, true, y1, true);
                if (sh.size() < 2) {
                    continue;
                }
                for (var e : sh.entrySet()) {
                    int y = e.getKey();
                    Map<String, Double> m = e.getValue();
                    double rest = 1;
                    for (Pole p : s.poles()) {
                        if (p.residual()) {
                            continue;
                        }
                        Double v = m.get(p.id());
                        if (v == null || v.isNaN()) {
                            rest = Double.NaN;
                            continue;
                        }
                        rest -= v;
                        b.add(vars, c.firstYear(), y, new Variable(a.id(), "share." + d.id() + "." + p.id()), v);
                    }
                    if (residual != null && !Double.isNaN(rest)) {
                        b.add(
                                vars,
                                c.firstYear(),
                                y,
                                new Variable(a.id(), "share." + d.id() + "." + residual.id()),
                                Math.max(0, rest));
                    }
                }
            }
            builders.add(b);
            builders.add(volatility(s, c, d.id(), residual, y0, y1, width));
        }
        if (obs != null) {
            List<String> states = s.regionalStates().stream().map(Actor::id).toList();
            Builder conflict = new Builder(
                    "conflict",
                    "UCDP armed conflict per state-year vs unrest probability (Brier; reference: climatology)",
                    true,
                    width);
            Builder mid = new Builder(
                    "mid",
                    "COW MID onset per dyad and year vs incident hazard (Brier; reference: climatology); a pole's"
                            + " MIDs are its members'",
                    true,
                    width);
            for (int y = y0; y <= y1; y++) {
                for (int i = 0; i < states.size(); i++) {
                    Double v = obs.get("conflict", states.get(i), "", y);
                    if (v != null) {
                        conflict.add(vars, c.firstYear(), y, new Variable(states.get(i), "unrest.p"), v > 0 ? 1 : 0);
                    }
                }
                for (List<String> dy : c.dyads()) {
                    Double m = onset(s, obs, dy.get(0), dy.get(1), y);
                    if (m != null) {
                        mid.add(vars, c.firstYear(), y, new Variable(dy.get(0) + "-" + dy.get(1), "hazard"), m);
                    }
                }
            }
            builders.add(conflict);
            builders.add(mid);
        }
        TreeSet<Integer> all = new TreeSet<>();
        for (Builder b : builders) {
            all.addAll(b.cells);
        }
        int[] cells = all.stream().mapToInt(Integer::intValue).toArray();
        List<Pattern> patterns = new ArrayList<>();
        for (Builder b : builders) {
            if (b.cells.size() >= 2) {
                patterns.add(b.build(cells));
            }
        }
        return new CalibrationTargets(cells, List.copyOf(patterns));
    }

    /** The observed year-to-year change of one dimension's ties per state, against {@code volatility.D}. */
    private static Builder volatility(
            Scenario s, CompiledScenario c, String dim, Pole residual, int y0, int y1, int width) {
        Builder b = new Builder(
                "volatility." + dim,
                "year-to-year change of " + dim + " ties per state (total variation; MAE; reference: climatology)",
                false,
                width);
        Map<Variable, Integer> vars = columns(c.variables());
        for (Actor a : s.regionalStates()) {
            TieSeries ts = s.tie(a.id(), dim).orElse(null);
            if (ts == null || ts.provenance().assumption() != null) {
                continue;
            }
            for (int y = y0 + 1; y <= y1; y++) {
                Map<String, Double> now = ts.shares().get(y);
                Map<String, Double> before = ts.shares().get(y - 1);
                if (now == null || before == null) {
                    continue;
                }
                double tv = 0;
                double restNow = 1;
                double restBefore = 1;
                boolean complete = true;
                for (Pole p : s.poles()) {
                    if (p.residual()) {
                        continue;
                    }
                    Double v = now.get(p.id());
                    Double u = before.get(p.id());
                    if (v == null || u == null || v.isNaN() || u.isNaN()) {
                        complete = false;
                        break;
                    }
                    tv += Math.abs(v - u);
                    restNow -= v;
                    restBefore -= u;
                }
                if (!complete) {
                    continue;
                }
                if (residual != null) {
                    tv += Math.abs(Math.max(0, restNow) - Math.max(0, restBefore));
                }
                b.add(vars, c.firstYear(), y, new Variable(a.id(), "volatility." + dim), 0.5 * tv);
            }
        }
        return b;
    }

    /**
     * Whether a MID began between a regional state and a party in a year (either direction): for a pole, with any of
     * its members; null when no member has a record for the year.
     */
    private static Double onset(Scenario s, Observations obs, String state, String party, int y) {
        List<String> members = s.poles().stream()
                .filter(p -> p.id().equals(party))
                .map(Pole::members)
                .findFirst()
                .orElse(List.of(party));
        Double any = null;
        for (String m : members) {
            Double v = obs.either("mid.onset", state, m, y);
            if (v != null) {
                any = any == null ? v : Math.max(any, v);
            }
        }
        return any;
    }

    /** The output cells ({@code yearIndex · width + column}) the patterns read, sorted. */
    /**
     * The same patterns with other observations (synthetic data: {@code observed.get(i)} for pattern i, aligned with
     * its cells); the references stay those of the real data, so the loss keeps its scale.
     */
    public CalibrationTargets withObserved(List<double[]> observed) {
        List<Pattern> out = new ArrayList<>();
        for (int i = 0; i < patterns.size(); i++) {
            Pattern p = patterns.get(i);
            if (observed.get(i).length != p.n()) {
                throw new IllegalArgumentException("pattern " + p.id() + " has " + p.n() + " observations");
            }
            out.add(new Pattern(
                    p.id(), p.description(), p.binary(), p.at(), observed.get(i).clone(), p.reference()));
        }
        return new CalibrationTargets(cells, List.copyOf(out));
    }

    public int[] cells() {
        return cells.clone();
    }

    public List<Pattern> patterns() {
        return patterns;
    }

    /** Each pattern's loss for forecasts {@code means} (aligned with {@link #cells()}). */
    public double[] losses(double[] means) {
        double[] l = new double[patterns.size()];
        for (int i = 0; i < l.length; i++) {
            l[i] = patterns.get(i).loss(means);
        }
        return l;
    }

    /**
     * Geometric mean over patterns of loss / reference. Scale-free: a 10 % smaller loss on any pattern lowers it by
     * the same factor, however well the reference does on that pattern.
     */
    public double combined(double[] losses) {
        double s = 0;
        for (int i = 0; i < losses.length; i++) {
            s += PortableMath.log(Math.max(1e-12, losses[i]) / patterns.get(i).reference());
        }
        return PortableMath.exp(s / losses.length);
    }

    /** Each variable's column (a list's indexOf per observation took a tenth of a 20-run backtest's samples). */
    private static Map<Variable, Integer> columns(List<Variable> vars) {
        Map<Variable, Integer> col = new java.util.HashMap<>();
        for (int i = vars.size() - 1; i >= 0; i--) {
            col.put(vars.get(i), i); // the first of equal variables, as indexOf
        }
        return col;
    }

    private static final class Builder {
        final String id;
        final String description;
        final boolean binary;
        final List<Integer> cells = new ArrayList<>();
        final List<Double> observed = new ArrayList<>();
        final int width;

        Builder(String id, String description, boolean binary, int width) {
            this.width = width;
            this.id = id;
            this.description = description;
            this.binary = binary;
        }

        void add(Map<Variable, Integer> vars, int firstYear, int year, Variable v, double value) {
            Integer col = vars.get(v);
            if (col == null) {
                return;
            }
            cells.add((year - firstYear) * width + col);
            observed.add(value);
        }

        Pattern build(int[] all) {
            int[] at = new int[cells.size()];
            double[] o = new double[cells.size()];
            for (int i = 0; i < at.length; i++) {
                at[i] = java.util.Arrays.binarySearch(all, cells.get(i));
                o[i] = observed.get(i);
            }
            double ref = 0;
            if (binary) {
                double base = 0;
                for (double v : o) {
                    base += v;
                }
                base /= o.length;
                for (double v : o) {
                    ref += (base - v) * (base - v);
                }
            } else {
                // Climatology of a share: each series' (same variable's) mean over the period.
                Map<Integer, double[]> mean = new java.util.HashMap<>();
                for (int i = 0; i < o.length; i++) {
                    double[] m = mean.computeIfAbsent(cells.get(i) % width, k -> new double[2]);
                    m[0] += o[i];
                    m[1]++;
                }
                for (int i = 0; i < o.length; i++) {
                    double[] m = mean.get(cells.get(i) % width);
                    ref += Math.abs(m[0] / m[1] - o[i]);
                }
            }
            ref /= o.length;
            return new Pattern(id, description, binary, at, o, ref);
        }
    }
}

package org.multivector.validate;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.multivector.engine.CompiledScenario;
import org.multivector.engine.Variable;
import org.multivector.model.Actor;
import org.multivector.model.Pole;
import org.multivector.model.Scenario;

/**
 * Does the stability index track observed instability? Each RSI stressor, and the RSI itself, is set against an
 * observed yearly series over the scenario's observed years (a construct-validity check, in the spirit of
 * pattern-oriented modelling, Grimm et al. 2005): the Spearman rank correlation (Spearman 1904; ties by mid-ranks),
 * with a two-sided p-value from the t approximation t = ρ √((n − 2)/(1 − ρ²)) on n − 2 degrees of freedom. Yearly
 * series are autocorrelated, so the p-values are optimistic; a stressor "supports" the index only with a correlation
 * of the expected sign and p &lt; 0.05.
 *
 * <ul>
 *   <li>observed instability: the mean over regional states of UCDP/PRIO armed-conflict intensity located in the
 *       state (war 1, minor 0.5, none 0), pattern {@code conflict};
 *   <li>observed MID onsets: the share of regional states with a COW MID onset with anyone that year (with a pole:
 *       any member), pattern {@code mid.onset}, the years it covers.
 * </ul>
 */
public final class StabilityValidity {
    private StabilityValidity() {}

    /** The model's ensemble means: year index (from the scenario's first year) and output column. */
    @FunctionalInterface
    public interface Means {
        double mean(int yearIndex, int column);
    }

    /** One check: a model series against an observed one. */
    public record Row(
            String measure, String against, int n, double rho, double p, int expectedSign, boolean supports) {}

    public static List<Row> of(Scenario s, CompiledScenario c, Means m, Observations obs, int from, int to) {
        List<Variable> vars = c.variables();
        List<String> states = s.regionalStates().stream().map(Actor::id).toList();
        List<double[]> instability = new ArrayList<>(); // year, value
        List<double[]> mids = new ArrayList<>();
        java.util.Set<String> others = new java.util.LinkedHashSet<>(); // every actor and pole member
        s.actors().forEach(a -> others.add(a.id()));
        for (Pole p : s.poles()) {
            others.addAll(p.members());
        }
        for (int y = from; y <= to; y++) {
            double sum = 0;
            int n = 0;
            int withMid = 0;
            int midKnown = 0;
            for (String st : states) {
                Double v = obs.get("conflict", st, "", y);
                if (v != null) {
                    sum += v / 2;
                    n++;
                }
                Double onset = onsetWithAnyone(obs, st, others, y);
                if (onset != null) {
                    midKnown++;
                    withMid += onset > 0 ? 1 : 0;
                }
            }
            if (n == states.size()) {
                instability.add(new double[] {y, sum / n});
            }
            if (midKnown == states.size()) {
                mids.add(new double[] {y, withMid / (double) midKnown});
            }
        }
        String region = Variable.REGION;
        List<Row> out = new ArrayList<>();
        String inst = "observed instability (UCDP conflict intensity, mean over states)";
        out.add(row("rsi", inst, -1, series(m, c, vars, new Variable(region, "rsi")), c.firstYear(), instability));
        out.add(row(
                "rsi.hazard",
                "observed MID onsets (share of states)",
                1,
                series(m, c, vars, new Variable(region, "rsi.hazard")),
                c.firstYear(),
                mids));
        out.add(row(
                "rsi.unrest",
                inst,
                1,
                series(m, c, vars, new Variable(region, "rsi.unrest")),
                c.firstYear(),
                instability));
        out.add(row(
                "rsi.polarisation",
                inst,
                1,
                series(m, c, vars, new Variable(region, "rsi.polarisation")),
                c.firstYear(),
                instability));
        out.add(row(
                "rsi.institutions",
                inst,
                1,
                series(m, c, vars, new Variable(region, "rsi.institutions")),
                c.firstYear(),
                instability));
        return out;
    }

    private static double[] series(Means m, CompiledScenario c, List<Variable> vars, Variable v) {
        int k = vars.indexOf(v);
        double[] out = new double[c.years()];
        for (int y = 0; y < out.length; y++) {
            out[y] = k < 0 ? Double.NaN : m.mean(y, k);
        }
        return out;
    }

    /** {@code model[i]} is the year {@code firstYear + i}; observed rows carry their year. */
    private static Row row(
            String measure, String against, int sign, double[] model, int firstYear, List<double[]> observed) {
        List<double[]> pairs = new ArrayList<>();
        for (double[] o : observed) {
            int yi = (int) o[0] - firstYear;
            if (yi >= 0 && yi < model.length && Double.isFinite(model[yi])) {
                pairs.add(new double[] {model[yi], o[1]});
            }
        }
        int n = pairs.size();
        if (n < 4) {
            return new Row(measure, against, n, Double.NaN, Double.NaN, sign, false);
        }
        double[] x = pairs.stream().mapToDouble(p -> p[0]).toArray();
        double[] y = pairs.stream().mapToDouble(p -> p[1]).toArray();
        double rho = new SpearmansCorrelation().correlation(x, y);
        double p;
        if (!Double.isFinite(rho)) {
            p = Double.NaN; // a constant series
        } else if (Math.abs(rho) >= 1) {
            p = 0;
        } else {
            double t = rho * Math.sqrt((n - 2) / (1 - rho * rho));
            p = 2 * (1 - new TDistribution(null, n - 2).cumulativeProbability(Math.abs(t)));
        }
        boolean supports = Double.isFinite(rho) && Math.signum(rho) == sign && p < 0.05;
        return new Row(measure, against, n, rho, p, sign, supports);
    }

    /** Whether the state had a MID onset with any of {@code others} in the year; null when no record covers it. */
    private static Double onsetWithAnyone(Observations obs, String state, java.util.Set<String> others, int y) {
        Double any = null;
        for (String o : others) {
            if (o.equals(state)) {
                continue;
            }
            Double v = obs.either("mid.onset", state, o, y);
            if (v != null) {
                any = any == null ? v : Math.max(any, v);
            }
        }
        return any;
    }
}

package org.multivector.study;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.multivector.bargain.Perturbation;
import org.multivector.bargain.SmpParameters;
import org.multivector.scenario.Suggestions;

/**
 * A negotiation forecast with KTAB's Spatial Model of Politics: one run, or an ensemble over perturbed inputs.
 *
 * @param input the issue file (KTAB CSV or XML, or Multivector YAML); exactly one of input and euSmp
 * @param euSmp instead of a file, KTAB's random --euSMP scenario drawn from this unsigned 64-bit seed
 * @param ra with euSmp, also draw a diagonal accommodation matrix
 * @param seed seed of KTAB's generator and of the perturbations, unsigned 64-bit (default: the input's)
 * @param maxTurns most bargaining turns, 1..10000 (default {@link #MAX_TURNS_DEFAULT}, KTAB's limit)
 * @param model model options by KTAB name ({@code VictoryProbModel → Quartic}), over the input's
 * @param runs 1 (default) for one run, more for an ensemble, up to 100000
 * @param perturb input noise per ensemble run, e.g. {@code positions=5,salience=10%}
 */
public record BargainRequest(
        String input,
        String euSmp,
        Boolean ra,
        String seed,
        Integer maxTurns,
        Map<String, String> model,
        Integer runs,
        String perturb)
        implements StudyRequest {
    /** KTAB's turn limit. */
    public static final int MAX_TURNS_DEFAULT = 100;

    public BargainRequest {
        ra = ra != null && ra;
        maxTurns = StudyRequest.orDefault(maxTurns, MAX_TURNS_DEFAULT);
        runs = StudyRequest.orDefault(runs, 1);
        model = model == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(model));
        perturb = perturb == null || perturb.isBlank() ? null : perturb.strip();
        Problems p = new Problems();
        if ((input == null) == (euSmp == null)) {
            p.add("input", "give exactly one issue: an input file, or the seed of an euSMP issue");
        }
        if (ra && euSmp == null) {
            p.add("ra", "the accommodation matrix is drawn only with euSmp");
        }
        if (euSmp != null) {
            unsigned(p, "euSmp", euSmp);
        }
        if (seed != null) {
            unsigned(p, "seed", seed);
        }
        p.range("maxTurns", maxTurns, 1, 10_000);
        p.range("runs", runs, 1, 100_000);
        try {
            if (!Perturbation.parse(perturb).isNone() && runs == 1) {
                p.add("perturb", "perturbations apply to ensembles: ask for more than one run");
            }
        } catch (IllegalArgumentException e) {
            p.add("perturb", e.getMessage());
        }
        SmpParameters check = SmpParameters.DEFAULTS;
        for (Map.Entry<String, String> e : model.entrySet()) {
            if (!SmpParameters.NAMES.contains(e.getKey())) {
                p.add(
                        "model." + e.getKey(),
                        "not a model option (expected one of " + String.join(", ", SmpParameters.NAMES) + ")",
                        Suggestions.didYouMean(e.getKey(), SmpParameters.NAMES));
                continue;
            }
            try {
                check = check.with(e.getKey(), e.getValue());
            } catch (IllegalArgumentException ex) {
                p.add("model." + e.getKey(), ex.getMessage());
            }
        }
        p.throwIfAny();
    }

    /** Parses an unsigned 64-bit seed; the field names it in the message. */
    static long unsigned(String field, String text) {
        Problems p = new Problems();
        long v = unsigned(p, field, text);
        p.throwIfAny();
        return v;
    }

    private static long unsigned(Problems p, String field, String text) {
        try {
            return Long.parseUnsignedLong(text.strip());
        } catch (NumberFormatException e) {
            p.add(field, "'" + text + "' is not a whole number in 0..18446744073709551615");
            return 0;
        }
    }

    @Override
    public String kind() {
        return "bargain";
    }

    @Override
    public ScenarioChoice scenario() {
        return null;
    }

    /** The model options as given, in KTAB's order. */
    Map<String, String> modelInOrder() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String n : SmpParameters.NAMES) {
            if (model.containsKey(n)) {
                m.put(n, model.get(n));
            }
        }
        return m;
    }
}

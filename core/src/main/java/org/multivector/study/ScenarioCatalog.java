package org.multivector.study;

import org.multivector.scenario.Overlay;

/**
 * Where a request's references resolve — a port: the command line reads files and the embedded scenarios, the
 * server its data directory. Unknown references are user errors ({@link org.multivector.model.UserInputException}).
 */
public interface ScenarioCatalog {
    /**
     * Raw input as the catalog holds it.
     *
     * @param reference how the request named it
     * @param file the name to use in problem locations
     * @param bytes the content
     */
    record Source(String reference, String file, byte[] bytes) {}

    /** A scenario's YAML. */
    Source scenario(String reference);

    /**
     * The observed patterns beside a scenario ({@code NAME.observed.csv} next to {@code NAME.yaml}, or those
     * shipped with an embedded scenario), if there are any; {@code reference} names the scenario as in
     * {@link #scenario}. By default: those of the embedded scenario of that name, if any.
     */
    default java.util.Optional<Source> observed(String reference) {
        if (!org.multivector.scenario.ScenarioLoader.builtInNames().contains(reference)) {
            return java.util.Optional.empty();
        }
        return org.multivector.validate.Observations.builtInBytes(reference)
                .map(b -> new Source(reference, reference + ".observed.csv", b));
    }

    /**
     * The episodes beside a scenario ({@code NAME.episodes.csv} next to {@code NAME.yaml}, or those shipped with an
     * embedded scenario), if any; {@code reference} names the scenario. By default: the embedded scenario's.
     */
    default java.util.Optional<Source> episodes(String reference) {
        if (!org.multivector.scenario.ScenarioLoader.builtInNames().contains(reference)) {
            return java.util.Optional.empty();
        }
        return org.multivector.validate.Episodes.builtInBytes(reference)
                .map(b -> new Source(reference, reference + ".episodes.csv", b));
    }

    /** An episode file a backtest names ({@code --episodes FILE}). By default none can be named. */
    default Source episodeFile(String reference) {
        throw RequestException.of("episodes", "'" + reference + "': this catalog reads no episode files");
    }

    /**
     * A posterior sample a request names ({@code --posterior}): a file {@code calibrate --method abc-smc} wrote, or an
     * embedded scenario's name for the posterior shipped with it. By default only the latter.
     */
    default Source posterior(String reference) {
        if (org.multivector.scenario.ScenarioLoader.builtInNames().contains(reference)) {
            var b = org.multivector.validate.Posterior.builtInBytes(reference);
            if (b.isPresent()) {
                return new Source(reference, reference + ".posterior.csv", b.get());
            }
        }
        throw RequestException.of(
                "posterior",
                "'" + reference + "' is not an embedded scenario with a shipped posterior (this catalog reads no"
                        + " posterior files)");
    }

    /** A parameter overlay, read and checked. */
    Overlay overlay(String reference);

    /** A bargaining issue file (KTAB CSV or XML, or Multivector YAML). */
    Source issue(String reference);
}

package org.multivector.cli;

import picocli.CommandLine.Option;

/** {@code --posterior FILE}: the studies that can run over a posterior sample (ensemble, compare, sensitivity). */
final class PosteriorOption {
    @Option(
            names = "--posterior",
            paramLabel = "FILE",
            description = "Draw the parameters from a posterior sample: posterior.csv of calibrate --method abc-smc,"
                    + " or an embedded scenario's name for the posterior shipped with it (central-asia).")
    String posterior;
}

package org.multivector.bargain;

import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

/**
 * Summary of one forecast quantity over an ensemble's runs: mean, standard deviation and the
 * 5/25/50/75/95 % quantiles (Commons Math's default percentile estimate, Hyndman &amp; Fan type 6).
 */
public record Distribution(long n, double mean, double sd, double p05, double p25, double p50, double p75, double p95) {
    public static Distribution of(double[] values) {
        DescriptiveStatistics s = new DescriptiveStatistics(values);
        return new Distribution(
                s.getN(),
                s.getMean(),
                values.length > 1 ? s.getStandardDeviation() : 0.0,
                s.getPercentile(5),
                s.getPercentile(25),
                s.getPercentile(50),
                s.getPercentile(75),
                s.getPercentile(95));
    }
}

package org.multivector.model;

import java.util.Objects;

/**
 * Where a number comes from: a {@code source} (a dataset, file row or publication) or an explicit
 * {@code assumption} with its reason. Exactly one of the two is non-blank; a value without
 * provenance cannot be represented.
 */
public record Provenance(String source, String assumption) {
    public Provenance {
        boolean hasSource = source != null && !source.isBlank();
        boolean hasAssumption = assumption != null && !assumption.isBlank();
        if (hasSource == hasAssumption) {
            throw new IllegalArgumentException("exactly one of source or assumption must be given");
        }
    }

    public static Provenance source(String source) {
        return new Provenance(Objects.requireNonNull(source), null);
    }

    public static Provenance assumption(String reason) {
        return new Provenance(null, Objects.requireNonNull(reason));
    }

    public boolean isAssumption() {
        return assumption != null && !assumption.isBlank();
    }

    /**
     * A short label: the source's name without its details (the text before the first parenthesis,
     * colon or semicolon), or {@code assumption}.
     */
    public String label() {
        if (isAssumption()) {
            return "assumption";
        }
        int cut = source.length();
        for (String stop : new String[] {" (", ":", ";"}) {
            int k = source.indexOf(stop);
            if (k > 0) {
                cut = Math.min(cut, k);
            }
        }
        return source.substring(0, cut).trim();
    }

    /** The note as printed in reports: {@code source: …} or {@code assumption: …}. */
    public String note() {
        return isAssumption() ? "assumption: " + assumption : "source: " + source;
    }
}

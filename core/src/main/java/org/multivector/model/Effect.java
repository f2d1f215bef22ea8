package org.multivector.model;

import java.util.Objects;

/**
 * What an event changes. Every magnitude is a {@link Quantity}, so it carries its own provenance
 * (usually an assumption about the size of an effect whose occurrence is sourced).
 */
public sealed interface Effect {
    /** Great-power rivalry (0..1) moves by {@code delta}. */
    record Rivalry(Quantity delta) implements Effect {
        public Rivalry {
            Objects.requireNonNull(delta, "delta");
        }
    }

    /** Tension between two regional states moves by {@code delta}. */
    record Tension(String a, String b, Quantity delta) implements Effect {
        public Tension {
            Objects.requireNonNull(a, "a");
            Objects.requireNonNull(b, "b");
            Objects.requireNonNull(delta, "delta");
        }
    }

    /** A state's fragility moves by {@code delta}. */
    record Fragility(String state, Quantity delta) implements Effect {
        public Fragility {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(delta, "delta");
        }
    }

    /** A pole's offers in one dimension (to one state, or to all when {@code state} is null) scale by {@code factor}. */
    record Offer(String pole, String dimension, String state, Quantity factor) implements Effect {
        public Offer {
            Objects.requireNonNull(pole, "pole");
            Objects.requireNonNull(dimension, "dimension");
            Objects.requireNonNull(factor, "factor");
        }
    }

    /** A dispute's intensity is set to {@code intensity}. */
    record DisputeIntensity(String dispute, Quantity intensity) implements Effect {
        public DisputeIntensity {
            Objects.requireNonNull(dispute, "dispute");
            Objects.requireNonNull(intensity, "intensity");
        }
    }

    /** Confidence-building measures between two states reach {@code level} (0..1). */
    record ConfidenceBuilding(String a, String b, Quantity level) implements Effect {
        public ConfidenceBuilding {
            Objects.requireNonNull(a, "a");
            Objects.requireNonNull(b, "b");
            Objects.requireNonNull(level, "level");
        }
    }

    /**
     * A state's mediation effort in its neighbours' disputes is set to {@code effort} (0..1) from this year: 0 is
     * non-interference (the state declines to mediate), 1 the full offer of a balanced state (the default).
     */
    record Mediation(String state, Quantity effort) implements Effect {
        public Mediation {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(effort, "effort");
        }
    }

    /**
     * A state invests in a hub for dialogue (a forum, a summit, a chairmanship): its dialogue capacity (0..1) moves by
     * {@code delta}, and stays.
     */
    record Hub(String state, Quantity delta) implements Effect {
        public Hub {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(delta, "delta");
        }
    }

    /** A state's border defence reaches {@code level} (0..1): armed forces and border guards against incursions. */
    record Defence(String state, Quantity level) implements Effect {
        public Defence {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(level, "level");
        }
    }

    /**
     * A state's identity policy reaches {@code level} (0..1) of inclusion: civic citizenship, minority language and
     * representation (0: an exclusive, ethnic definition of the nation).
     */
    record Identity(String state, Quantity level) implements Effect {
        public Identity {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(level, "level");
        }
    }
}

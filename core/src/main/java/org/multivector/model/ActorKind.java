package org.multivector.model;

/** What role an actor plays: a middle state of the region, a pole, or another source of effects. */
public enum ActorKind {
    REGIONAL,
    POLE,
    OTHER;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

package org.multivector.model;

/** How two poles stand to each other in a year. */
public enum RelationStatus {
    ALLIED,
    NEUTRAL,
    RIVAL
}

package org.multivector.model;

/** What a regional dispute is about. */
public enum DisputeKind {
    BORDER,
    WATER,
    ETHNIC,
    RESOURCE,
    STATUS
}

package org.multivector.model;

/**
 * A state's standing in an institution in a year. Only {@code MEMBER} counts in the model (shared institutions, a
 * lead pole's institutional offers); an observer, or a member whose membership is suspended or frozen, is recorded
 * and shown but takes no part.
 */
public enum MembershipStatus {
    MEMBER,
    OBSERVER,
    SUSPENDED
}

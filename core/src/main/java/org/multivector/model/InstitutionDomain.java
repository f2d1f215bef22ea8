package org.multivector.model;

/** The field an institution works in; it decides which tie dimensions its membership feeds. */
public enum InstitutionDomain {
    ECONOMIC,
    SECURITY,
    POLITICAL
}

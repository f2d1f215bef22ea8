package org.multivector.model;

/** Whether a border can be crossed in a year. */
public enum BorderStatus {
    OPEN,
    CLOSED
}

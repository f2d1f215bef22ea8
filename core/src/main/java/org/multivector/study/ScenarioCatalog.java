package org.multivector.study;

import org.multivector.scenario.Overlay;

/**
 * Where a request's references resolve — a port: the command line reads files and the embedded scenarios, the
 * server its data directory. Unknown references are user errors ({@link org.multivector.model.UserInputException}).
 */
public interface ScenarioCatalog {
    /**
     * Raw input as the catalog holds it.
     *
     * @param reference how the request named it
     * @param file the name to use in problem locations
     * @param bytes the content
     */
    record Source(String reference, String file, byte[] bytes) {}

    /** A scenario's YAML. */
    Source scenario(String reference);

    /** A parameter overlay, read and checked. */
    Overlay overlay(String reference);

    /** A bargaining issue file (KTAB CSV or XML, or Multivector YAML). */
    Source issue(String reference);
}

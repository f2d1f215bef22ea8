package org.multivector.study;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version this build carries ({@code version.properties}, filled in by Maven from the project version). */
public final class BuildInfo {
    private static final String VERSION = read();

    private BuildInfo() {}

    /** The project version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String version() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = BuildInfo.class.getResourceAsStream("/org/multivector/version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties is missing from the build");
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "");
            if (v.isBlank() || v.startsWith("${")) {
                throw new IllegalStateException("version.properties was not filtered by the build: '" + v + "'");
            }
            return v;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read version.properties", e);
        }
    }
}

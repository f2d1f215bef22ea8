package org.multivector.builder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The observed-pattern pipeline reproduces values read straight from the raw files, and is shipped up to date. */
class ObservedPatternsTest {
    static final Path DATA = Path.of("..", "data");
    static final Map<String, String> VALUES = new HashMap<>();

    @BeforeAll
    static void build(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("observed.csv");
        ObservedPatterns.buildTo(DATA, out);
        for (Csv.Row r : Csv.read(out)) {
            VALUES.put(
                    r.get("pattern") + "|" + r.get("actor") + "|" + r.get("partner") + "|" + r.get("year"),
                    r.get("value"));
        }
    }

    static String value(String pattern, String actor, String partner, int year) {
        return VALUES.get(pattern + "|" + actor + "|" + partner + "|" + year);
    }

    @Test
    void reproducesValuesFromTheRawFiles() {
        // UCDP v25.1: Tajik civil war at war intensity in 1992; IMU insurgency in Uzbekistan, 1999; none in Kazakhstan.
        assertThat(value("conflict", "TJK", "", 1992)).isEqualTo("2");
        assertThat(value("conflict", "UZB", "", 1999)).isEqualTo("1");
        assertThat(value("conflict", "KAZ", "", 2005)).isEqualTo("0");
        // UCDP conflict 13324, Kyrgyzstan v Tajikistan over the common border, 2021 and 2022.
        assertThat(value("conflict.interstate", "KGZ", "TJK", 2021)).isEqualTo("1");
        assertThat(value("conflict.interstate", "TJK", "KGZ", 2022)).isEqualTo("1");
        assertThat(value("conflict.interstate", "KGZ", "TJK", 2019)).isEqualTo("0");
        // ATOP v5.1 row 705,365,1992: defence pact (Tashkent Treaty).
        assertThat(value("alliance", "KAZ", "RUS", 1992)).isEqualTo("1");
        // COW MID 5.0 dirdisps: row 705,700,1993 has disponset = 1.
        assertThat(value("mid.onset", "KAZ", "AFG", 1993)).isEqualTo("1");
        assertThat(value("mid.onset", "KAZ", "AFG", 2005)).isEqualTo("0");
        // Ideal points: |KAZ - RUS| in 2008 from the raw file's idealpointall column.
        double kaz = idealPoint(705, 2008);
        double rus = idealPoint(365, 2008);
        assertThat(Double.parseDouble(value("idealpoint.distance", "KAZ", "RUS", 2008)))
                .isCloseTo(Math.abs(kaz - rus), org.assertj.core.data.Offset.offset(1e-6));
        // Nothing is written for years a source does not cover.
        assertThat(value("mid.onset", "KAZ", "AFG", 2015)).isNull();
        assertThat(value("alliance", "KAZ", "RUS", 2019)).isNull();
    }

    static double idealPoint(int ccode, int year) {
        for (Csv.Row r : Csv.read(DATA.resolve("unga/IdealpointsJuly2025.csv"))) {
            if (r.get("ccode").equals(Integer.toString(ccode)) && r.get("year").equals(Integer.toString(year))) {
                return Double.parseDouble(r.get("idealpointall"));
            }
        }
        throw new AssertionError("no ideal point for " + ccode + " in " + year);
    }

    @Test
    void shippedPatternsAreUpToDate() throws IOException {
        String built = ObservedPatterns.build(DATA);
        try (InputStream in = ObservedPatterns.class.getResourceAsStream(ObservedPatterns.RESOURCE)) {
            assertThat(in).as("run ./multivector compile-scenario").isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .as("re-run ./multivector compile-scenario")
                    .isEqualTo(built);
        }
        assertThat(Files.exists(DATA.resolve("country-codes.csv"))).isTrue();
    }
}

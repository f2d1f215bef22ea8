package org.multivector.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.multivector.validate.Sensitivity;

/** What a sensitivity analysis says when it cannot say much: failed points are never ranked, small designs warned of. */
class SensitivityStudyTest {
    static final String[] NAMES = {"a", "b", "c"};

    static double f(double[] u) {
        return 3 * u[0] + u[1] + 0.1 * u[2];
    }

    @Test
    void aNonFiniteOutput_leavesTheParametersItTouchesUnranked_withANote_andAWarning() {
        Sensitivity.MorrisDesign md = Sensitivity.morrisDesign(3, 10, 4, 1);
        double[] y = new double[md.points().length];
        for (int j = 0; j < y.length; j++) {
            y[j] = f(md.points()[j]);
        }
        // the model failed at trajectory 0's last point: only the effect of its last step rests on it
        String bad = NAMES[md.factor()[2]];
        y[3] = Double.NaN;
        List<String> warnings = new ArrayList<>();
        List<StudyResult.SensitivityRow> rows = SensitivityStudy.morrisRows("rsi", NAMES, md, y, warnings);
        StudyResult.Sensitivity s = new StudyResult.Sensitivity(
                null,
                "morris",
                y.length,
                1,
                "KAZ",
                "multi-vector",
                "neutral",
                2024,
                List.of("rsi"),
                rows,
                warnings,
                null);
        assertThat(s.unranked("rsi"))
                .extracting(StudyResult.SensitivityRow::parameter)
                .containsExactly(bad);
        assertThat(s.unranked("rsi").get(0).note()).contains("non-finite");
        assertThat(s.unranked("rsi")).allMatch(r -> Double.isNaN(r.importance()));
        // the others keep their effects and their order (a: 3 per unit, b: 1), never a NaN on top
        assertThat(s.ranked("rsi")).hasSize(2);
        String first = bad.equals("a") ? "b" : "a";
        assertThat(s.ranked("rsi").get(0).parameter()).isEqualTo(first);
        assertThat(s.ranked("rsi").get(0).muStar())
                .isCloseTo(first.equals("a") ? 3 : 1, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(s.ranked("rsi")).allMatch(r -> Double.isFinite(r.importance()));
        assertThat(warnings).singleElement().asString().contains("non-finite output at 1 of " + y.length);
    }

    @Test
    void aSobolDesignTooSmall_isWarnedOf_andALargeOneIsNot() {
        List<String> small = new ArrayList<>();
        sobol(8, small);
        assertThat(small).anyMatch(w -> w.contains("wider than") || w.contains("outside [0, 1]"));
        List<String> large = new ArrayList<>();
        List<StudyResult.SensitivityRow> rows = sobol(2048, large);
        assertThat(large).isEmpty();
        assertThat(rows.get(0).st()).isBetween(0.8, 1.0);
        List<String> failed = new ArrayList<>();
        Sensitivity.SobolDesign sd = Sensitivity.sobolDesign(3, 16);
        double[] y = new double[sd.points().length];
        y[5] = Double.POSITIVE_INFINITY;
        assertThat(SensitivityStudy.sobolRows("rsi", NAMES, sd, y, 1, failed))
                .allMatch(r -> r.note() != null && Double.isNaN(r.importance()));
        assertThat(failed).singleElement().asString().contains("no Sobol index");
    }

    static List<StudyResult.SensitivityRow> sobol(int n, List<String> warnings) {
        Sensitivity.SobolDesign sd = Sensitivity.sobolDesign(3, n);
        double[] y = new double[sd.points().length];
        java.util.Random noise = new java.util.Random(2);
        for (int j = 0; j < y.length; j++) {
            double[] u = sd.points()[j];
            y[j] = 3 * u[0] * u[0] + u[1] + 0.3 * noise.nextGaussian();
        }
        return SensitivityStudy.sobolRows("rsi", NAMES, sd, y, 1, warnings);
    }
}

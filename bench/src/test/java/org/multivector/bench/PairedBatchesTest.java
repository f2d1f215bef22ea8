package org.multivector.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PairedBatchesTest {
    @Test
    void check_refusesEachKindOfBadArgument(@TempDir Path dir) throws Exception {
        Path jar = Files.createFile(dir.resolve("benchmarks.jar"));
        String j = jar.toString();
        assertThat(PairedBatches.check(new String[] {j})).contains("expected 2 to 5 arguments");
        assertThat(PairedBatches.check(
                        new String[] {j, dir.resolve("missing.jar").toString()}))
                .contains("missing.jar: no such file");
        assertThat(PairedBatches.check(new String[] {j, dir.toString()})).contains("no such file");
        assertThat(PairedBatches.check(new String[] {j, j, "fast"})).contains("'fast' is not a mode");
        assertThat(PairedBatches.check(new String[] {j, j, "run", "many"})).contains("'many' is not a number");
        assertThat(PairedBatches.check(new String[] {j, j, "run", "0"})).contains("out of range");
        assertThat(PairedBatches.check(new String[] {j, j, "lockstep", "10001"}))
                .contains("out of range");
        assertThat(PairedBatches.check(new String[] {j, j, "lockstep", "10", "central-asia"}))
                .isNull();
    }

    @Test
    void side_ofAJarWithoutTheEngine_failsWithTheClassItLacks(@TempDir Path dir) throws Exception {
        Path empty = dir.resolve("empty.jar");
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(empty))) {
            out.putNextEntry(new java.util.jar.JarEntry("README"));
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PairedBatches.side(empty, "central-asia", false))
                .isInstanceOf(ClassNotFoundException.class)
                .hasMessageContaining("ScenarioLoader");
    }

    @Test
    void report_ofTwoIdenticalSides_saysBitIdentical_andOfDifferentOnes_saysDiffer() throws Throwable {
        PairedBatches.Side a = from -> from * 31;
        PairedBatches.Side b = from -> from * 31;
        PairedBatches.Side c = from -> from * 37;
        assertThat(PairedBatches.report(a, b, 4, "run", "x"))
                .contains("4 pairs")
                .endsWith("outputs bit-identical");
        assertThat(PairedBatches.report(a, c, 4, "run", "x")).endsWith("outputs differ");
    }

    @Test
    void quantile_interpolatesBetweenOrderStatistics() {
        double[] v = {1, 2, 3, 4};
        assertThat(PairedBatches.quantile(v, 0.5)).isEqualTo(2.5);
        assertThat(PairedBatches.quantile(v, 0.25)).isEqualTo(1.75);
        assertThat(PairedBatches.quantile(v, 0)).isEqualTo(1);
        assertThat(PairedBatches.quantile(v, 1)).isEqualTo(4);
    }
}

package org.multivector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, "experiments like BehaviorSpace": {@code multivector sweep DESIGN.yaml} writes every run to a tidy table
 * with every factor as a column — CSV, Parquet and the results database — and a bad design is refused with its line.
 */
class SweepCommandTest {
    @Test
    void sweep_writesEveryRunWithItsFactorsAsColumns_inCsvParquetAndTheDatabase(@TempDir Path dir) throws Exception {
        Path design = dir.resolve("design.yaml");
        Files.writeString(design, """
                # tension against Kazakhstan's strategy, 4 replicates each
                seed: 11
                replicates: 4
                factors:
                  - name: tension-base
                    min: -2
                    max: -1
                    steps: 3
                  - name: strategy:KAZ
                    values: [multi-vector, bandwagon:RUS]
                outputs: [REGION.rsi, KAZ.balance, UZB.balance]
                """);
        RunCommandTest.Result r =
                RunCommandTest.run("sweep", design.toString(), "--out", dir.toString(), "--name", "s");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("6 points × 4 replicates (full factorial)", "bandwagon:RUS", "-1.5");
        List<String> csv = Files.readAllLines(dir.resolve("s/sweep.csv"));
        assertThat(csv.get(0))
                .isEqualTo("study_id,point,replicate,tension-base,strategy:KAZ,from,actor,variable,value");
        assertThat(csv).hasSize(1 + 6 * 4 * 3);
        assertThat(csv.get(1)).matches("sweep-central-asia-[0-9a-f]{12},0,0,-2.0,multi-vector,2024,REGION,rsi,[0-9.]+");
        long parquet = StudyCommandTest.count(
                dir.resolve("results.duckdb"),
                "SELECT count(*) FROM read_parquet('" + dir.resolve("s/sweep.parquet") + "') WHERE \"strategy:KAZ\" ="
                        + " 'bandwagon:RUS'");
        assertThat(parquet).isEqualTo(3 * 4 * 3);
        Path db = dir.resolve("results.duckdb");
        assertThat(StudyCommandTest.count(db, "SELECT count(*) FROM sweep_points"))
                .isEqualTo(6 * 2);
        assertThat(StudyCommandTest.count(db, "SELECT count(*) FROM sweep_runs"))
                .isEqualTo(6 * 4 * 3);
        // the factors as columns, straight from the database
        assertThat(StudyCommandTest.count(
                        db,
                        "SELECT count(*) FROM (PIVOT (SELECT point, factor, coalesce(label, CAST(value AS VARCHAR)) AS"
                                + " level FROM sweep_points) ON factor USING first(level)) WHERE \"strategy:KAZ\" ="
                                + " 'multi-vector'"))
                .isEqualTo(3);
        assertThat(Files.readString(dir.resolve("s/report.html"))).contains("sweep of tension-base, strategy:KAZ");
    }

    @Test
    void badDesigns_areRefusedWithTheirLine(@TempDir Path dir) throws Exception {
        Path design = dir.resolve("bad.yaml");
        Files.writeString(design, "replicates: 2\nfactors:\n  - name: tension-base\n    values: [-1]\nrepeats: 3\n");
        RunCommandTest.Result r = RunCommandTest.run("sweep", design.toString(), "--out", dir.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("bad.yaml:5:", "unknown field 'repeats'");
        Files.writeString(design, "replicates: 0\nfactors:\n  - name: tension-base\n    min: -2\n    max: -1\n");
        r = RunCommandTest.run("sweep", design.toString(), "--out", dir.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("bad.yaml:1:", "replicates").contains("bad.yaml:3:", "steps");
        Files.writeString(design, "factors:\n  - name: strategy:KAZ\n    values: [neutral, bandwagon:MARS]\n");
        r = RunCommandTest.run("sweep", design.toString(), "--out", dir.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("factors[0].values[1]", "'bandwagon:MARS' is not a category of strategy:KAZ");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("bad.yaml");
        }
    }
}

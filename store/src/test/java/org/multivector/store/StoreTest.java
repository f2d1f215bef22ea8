package org.multivector.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.multivector.engine.Trajectory;
import org.multivector.engine.Variable;

class StoreTest {
    static Trajectory small() {
        List<Variable> vars = List.of(new Variable("KAZ", "balance"), new Variable("REGION", "rsi"));
        return new Trajectory("h", 7, 0, 2000, 2, vars, new double[] {0.5, 70, Double.NaN, 71});
    }

    static ResultsDatabase.Study study(String id) {
        return new ResultsDatabase.Study(id, "run", "s", "h", 7, 1, "single", "{\"a\": 1}");
    }

    static long count(ResultsDatabase db, String sql) throws SQLException {
        try (Statement s = db.connection().createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void failingFillerLeavesNothingAndKeepsThePreviousDirectory(@TempDir Path dir) throws Exception {
        RunDirectory.writeAtomically(dir, "x", tmp -> Files.writeString(tmp.resolve("a.txt"), "first"));
        assertThatThrownBy(() -> RunDirectory.writeAtomically(dir, "x", tmp -> {
                    Files.writeString(tmp.resolve("a.txt"), "second");
                    throw new IllegalStateException("boom");
                }))
                .hasMessage("boom");
        assertThat(Files.readString(dir.resolve("x/a.txt"))).isEqualTo("first");
        assertThat(dir.toFile().list()).containsExactly("x");
    }

    @Test
    void studiesAreWrittenWholeAndReplacedByTheirId(@TempDir Path dir) throws Exception {
        ResultsDatabase.with(dir, db -> db.writeRun(study("r1"), small()));
        ResultsDatabase.with(dir, db -> db.writeRun(study("r1"), small()));
        ResultsDatabase.with(dir, db -> {
            assertThat(count(db, "SELECT count(*) FROM studies")).isEqualTo(1);
            assertThat(count(db, "SELECT count(*) FROM run_values")).isEqualTo(4);
            assertThat(count(db, "SELECT count(*) FROM run_values WHERE value IS NULL"))
                    .isEqualTo(1);
            assertThat(count(db, "SELECT count(*) FROM studies WHERE manifest->>'$.a' = '1'"))
                    .isEqualTo(1);
        });
    }

    @Test
    void aFailedWriteRollsBackCompletely(@TempDir Path dir) throws Exception {
        ResultsDatabase.with(dir, db -> db.writeRun(study("ok"), small()));
        org.multivector.study.SeriesStats stats = new org.multivector.study.SeriesStats(
                2, 2, new int[] {0, 1}, new double[] {0, 0}, new double[] {1, 100});
        stats.add(new double[] {0.5, 70, 0.6, 71});
        // Only one variable for two columns: the write fails after its first rows.
        List<Variable> tooFew = List.of(new Variable("KAZ", "balance"));
        assertThatThrownBy(() -> ResultsDatabase.with(
                        dir, db -> db.writeEnsemble(study("bad"), "scenario", tooFew, 2000, stats)))
                .isInstanceOf(IndexOutOfBoundsException.class);
        ResultsDatabase.with(dir, db -> {
            assertThat(count(db, "SELECT count(*) FROM studies")).isEqualTo(1);
            assertThat(count(db, "SELECT count(*) FROM series WHERE study_id = 'bad'"))
                    .isZero();
            assertThat(count(db, "SELECT count(*) FROM run_values WHERE study_id = 'ok'"))
                    .isEqualTo(4);
        });
    }

    @Test
    void exportWritesEveryTable(@TempDir Path dir) throws Exception {
        ResultsDatabase.with(dir, db -> {
            db.writeRun(study("r"), small());
            List<Path> files = db.export(dir, "csv");
            assertThat(files).hasSize(1 + ResultsDatabase.STUDY_TABLES.size()).allMatch(Files::exists);
            assertThatThrownBy(() -> db.export(dir, "xlsx")).hasMessageContaining("parquet or csv");
        });
        assertThat(Files.readAllLines(dir.resolve("run_values.csv"))).hasSize(5);
    }
}

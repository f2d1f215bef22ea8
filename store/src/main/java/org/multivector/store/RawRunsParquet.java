package org.multivector.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.multivector.engine.Variable;
import org.multivector.study.RawSink;

/**
 * Writes each block of raw runs as one Parquet file {@code block-NNNNNN.parquet} (tidy: run_index,
 * year, actor, variable, value; NULL where undefined), through an in-memory DuckDB per block. A file
 * appears only complete (written under a temporary name, then renamed), and rewriting a block gives
 * the same content, so a resumed study simply overwrites what an interrupted one left.
 */
public final class RawRunsParquet implements RawSink {
    private final Path dir;
    private final List<Variable> variables;
    private final int firstYear;

    public RawRunsParquet(Path dir, List<Variable> variables, int firstYear) {
        this.dir = dir;
        this.variables = List.copyOf(variables);
        this.firstYear = firstYear;
    }

    @Override
    public void block(long block, long firstRun, int runs, double[] outputs, int outputSize) throws Exception {
        Files.createDirectories(dir);
        int width = variables.size();
        int years = outputSize / width;
        Path file = dir.resolve(String.format(Locale.ROOT, "block-%06d.parquet", block));
        Path tmp = dir.resolve(file.getFileName() + ".tmp");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE runs (run_index BIGINT, year INTEGER, actor VARCHAR, variable VARCHAR,"
                    + " value DOUBLE)");
            try (DuckDBAppender a = ((DuckDBConnection) c).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "runs")) {
                for (int r = 0; r < runs; r++) {
                    int base = r * outputSize;
                    for (int y = 0; y < years; y++) {
                        for (int v = 0; v < width; v++) {
                            double x = outputs[base + y * width + v];
                            a.beginRow();
                            a.append(firstRun + r);
                            a.append(firstYear + y);
                            a.append(variables.get(v).actor());
                            a.append(variables.get(v).name());
                            if (Double.isNaN(x)) {
                                a.appendNull();
                            } else {
                                a.append(x);
                            }
                            a.endRow();
                        }
                    }
                }
            }
            s.execute("COPY runs TO '" + tmp.toAbsolutePath().toString().replace("'", "''")
                    + "' (FORMAT PARQUET, COMPRESSION ZSTD)");
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}

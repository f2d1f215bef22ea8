package org.multivector.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.multivector.store.ResultsDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code multivector export}: the results database's tables as Parquet or CSV files. */
@Command(name = "export", description = "Export the tables of results.duckdb to Parquet or CSV files.")
final class ExportCommand implements Callable<Integer> {
    @Option(
            names = "--results",
            defaultValue = "runs",
            description = "Directory holding results.duckdb (default: ${DEFAULT-VALUE}).")
    Path results;

    @Option(names = "--format", defaultValue = "parquet", description = "parquet or csv (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--to", description = "Output directory (default: <results>/export).")
    Path to;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!format.equals("parquet") && !format.equals("csv")) {
            throw org.multivector.study.RequestException.of("format", "'" + format + "' is not parquet or csv");
        }
        Path db = results.resolve(ResultsDatabase.FILE);
        if (!Files.isRegularFile(db)) {
            throw org.multivector.study.RequestException.of(
                    "results",
                    results + ": no " + ResultsDatabase.FILE + " there (run an ensemble, compare or run first)");
        }
        Path dir = to != null ? to : results.resolve("export");
        Files.createDirectories(dir);
        java.util.concurrent.atomic.AtomicReference<List<Path>> written =
                new java.util.concurrent.atomic.AtomicReference<>();
        ResultsDatabase.with(results, d -> written.set(d.export(dir, format)));
        PrintWriter out = spec.commandLine().getOut();
        for (Path p : written.get()) {
            out.println("wrote " + p);
        }
        out.flush();
        return 0;
    }
}

package org.multivector;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, "truthful material": the bargaining examples cited {@code data/cow_nmc/NMC-60-abridged.csv}, which the
 * repository did not hold. Every {@code data/…} and {@code examples/…} file that the README, the docs, the examples,
 * the embedded scenarios and the curated data cite must exist (a citation of another repository, {@code
 * owner/repo:data/…@commit} or SOURCES.md's "path `data/…`" of a source repository, is not one of ours).
 */
class RepositoryFilesTest {
    private static final Path ROOT = Path.of("..");
    private static final Pattern CITED = Pattern.compile(
            "(?<![\\w:/.-])(?<!path `)((?:data|examples)/[A-Za-z0-9_./-]+\\.(?:csv\\.gz|csv|yaml|yml|json|xml|md|R|ipynb))");

    @Test
    void everyFileTheMaterialCitesExists() throws Exception {
        List<Path> material = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        for (String dir : new String[] {"docs", "examples", "data", "core/src/main/resources/org/multivector"}) {
            try (Stream<Path> s = Files.walk(ROOT.resolve(dir))) {
                s.filter(Files::isRegularFile)
                        .filter(p -> p.toString().matches(".*\\.(md|yaml|yml|R|ipynb|py)$"))
                        .forEach(material::add);
            }
        }
        TreeSet<String> missing = new TreeSet<>();
        int cited = 0;
        for (Path f : material) {
            Matcher m = CITED.matcher(Files.readString(f));
            while (m.find()) {
                cited++;
                String path = m.group(1).replaceAll("[.]+$", "");
                if (!Files.exists(ROOT.resolve(path))) {
                    missing.add(path + " (cited in " + ROOT.relativize(f) + ")");
                }
            }
        }
        assertThat(cited).as("citations found").isGreaterThan(20);
        assertThat(missing).isEmpty();
    }

    /** Issue 17, "licence and citation": the files exist, and CITATION.cff names the version the build carries. */
    @Test
    void licenceNoticeThirdPartyAndCitation_citationCarriesTheBuildsVersion() throws Exception {
        assertThat(Files.readString(ROOT.resolve("LICENSE"))).contains("Apache License", "Version 2.0");
        assertThat(Files.readString(ROOT.resolve("NOTICE"))).contains("THIRD-PARTY.md");
        String thirdParty = Files.readString(ROOT.resolve("THIRD-PARTY.md"));
        for (String name :
                new String[] {"DuckDB JDBC", "Javalin", "Eclipse Jetty", "SnakeYAML", "COW", "UCDP", "ECharts"}) {
            assertThat(thirdParty).as(name).contains(name);
        }
        String cff = Files.readString(ROOT.resolve("CITATION.cff"));
        assertThat(cff).startsWith("cff-version: 1.2.0").contains("license: Apache-2.0");
        assertThat(cff).contains("\nversion: " + org.multivector.study.BuildInfo.version() + "\n");
    }
}

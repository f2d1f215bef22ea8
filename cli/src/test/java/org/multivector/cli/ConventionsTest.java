package org.multivector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.multivector.study.BuildInfo;

/** The command line's conventions: help everywhere, version, completion, JSON output, --set, never overwrite. */
class ConventionsTest {
    static RunCommandTest.Result run(String... args) {
        return RunCommandTest.run(args);
    }

    static List<String> subcommands() {
        return Main.commandLine().getSubcommands().keySet().stream()
                .filter(n -> !n.equals("help"))
                .toList();
    }

    @ParameterizedTest
    @MethodSource("subcommands")
    void everySubcommand_answersHelpBothWaysAndHelpCommand_withoutWarnings(String name) {
        for (String[] args :
                List.of(new String[] {name, "--help"}, new String[] {name, "-h"}, new String[] {"help", name})) {
            RunCommandTest.Result r = run(args);
            assertThat(r.code()).as(String.join(" ", args) + ": " + r.err()).isZero();
            assertThat(r.out()).startsWith("Usage: multivector " + name);
            assertThat(r.err()).as("no picocli warning").isEmpty();
        }
        RunCommandTest.Result v = run(name, "--version");
        assertThat(v.code()).isZero();
        assertThat(v.out().strip()).isEqualTo("multivector " + BuildInfo.version());
    }

    @Test
    void version_comesFromTheBuild() {
        RunCommandTest.Result v = run("--version");
        assertThat(v.code()).isZero();
        assertThat(v.out().strip())
                .isEqualTo("multivector " + BuildInfo.version())
                .doesNotContain("${");
    }

    @Test
    void completion_printsABashScriptCoveringEverySubcommand() {
        RunCommandTest.Result r = run("completion");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("complete -F", "ensemble", "bargain", "--runs-per-point");
    }

    @Test
    void json_printsTheRecordAndSet_isRecordedInTheManifest(@TempDir Path dir) throws Exception {
        RunCommandTest.Result r =
                run("run", "--json", "--set", "tension-base=-1.5", "--out", dir.toString(), "--name", "j");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.path("studyId").asText()).startsWith("run-central-asia-");
        assertThat(j.path("rsi")).hasSize(40);
        JsonNode m = new ObjectMapper().readTree(dir.resolve("j/manifest.json").toFile());
        assertThat(m.path("studyId").asText()).isEqualTo(j.path("studyId").asText());
        assertThat(m.path("parameters").path("tension-base").path("value").asDouble())
                .isEqualTo(-1.5);
        assertThat(m.path("scenarioChoice").path("set").path("tension-base").asDouble())
                .isEqualTo(-1.5);
        assertThat(m.path("version").asText()).isEqualTo(BuildInfo.version());
        // a value outside the parameter's range is refused, naming the option
        RunCommandTest.Result bad = run("run", "--set", "tension-base=1e9", "--out", dir.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).startsWith("multivector: --set tension-base: ");
    }

    @Test
    void badFields_areNamedAsOptions_withTheItemOrKey() {
        RunCommandTest.Result r = run("compare", "--strategies", "multi-vector,bandwagon:MARS", "--runs", "5");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("multivector: --strategies (item 2): 'bandwagon:MARS' names unknown pole");
        RunCommandTest.Result s = run("run", "--strategy", "KAZ=neutral", "--strategy", "XYZ=neutral");
        assertThat(s.err()).startsWith("multivector: --strategy XYZ: 'XYZ' is not a regional state");
    }

    @Test
    void aDirectoryHoldingAnotherStudy_isNeverReplaced(@TempDir Path dir) throws Exception {
        assertThat(run("run", "-q", "--out", dir.toString(), "--name", "x").code())
                .isZero();
        byte[] before = Files.readAllBytes(dir.resolve("x/manifest.json"));
        RunCommandTest.Result other = run("run", "-q", "--seed", "7", "--out", dir.toString(), "--name", "x");
        assertThat(other.code()).isEqualTo(2);
        assertThat(other.err()).startsWith("multivector: --name: ").contains("holds another study");
        assertThat(Files.readAllBytes(dir.resolve("x/manifest.json"))).isEqualTo(before);
        // the same study again is the same study: allowed
        assertThat(run("run", "-q", "--out", dir.toString(), "--name", "x").code())
                .isZero();
        // by default each study has its own directory, named by its id
        assertThat(run("run", "-q", "--seed", "7", "--out", dir.toString()).code())
                .isZero();
        assertThat(run("run", "-q", "--strategy", "KAZ=bandwagon:RUS", "--out", dir.toString())
                        .code())
                .isZero();
        try (var list = Files.list(dir)) {
            assertThat(list.filter(Files::isDirectory).count()).isEqualTo(3);
        }
    }

    @Test
    void studyDirectories_followTheUmask(@TempDir Path dir) throws Exception {
        assertThat(run("run", "-q", "--out", dir.toString(), "--name", "p").code())
                .isZero();
        // the permissions of any directory this process creates (its umask), not a temporary directory's 0700
        Path reference = Files.createDirectory(dir.resolve("reference"));
        assertThat(Files.getPosixFilePermissions(dir.resolve("p"))).isEqualTo(Files.getPosixFilePermissions(reference));
    }
}

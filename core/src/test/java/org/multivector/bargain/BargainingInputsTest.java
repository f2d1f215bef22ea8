package org.multivector.bargain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.multivector.scenario.ScenarioException;
import org.multivector.study.BargainEnsembleJob;

/** The three input formats: the regional examples load, and each class of bad input is a located problem. */
class BargainingInputsTest {
    private static final Path EXAMPLES = Path.of("..", "examples", "bargaining");

    private static ScenarioException fails(String file, String text) {
        try {
            BargainingInputs.parse(file, text.getBytes(StandardCharsets.UTF_8));
        } catch (ScenarioException e) {
            return e;
        }
        throw new AssertionError("expected a problem in " + file);
    }

    private static final String YAML_OK = """
            issue: test
            dimensions:
              - {name: a, low: "0 = no", high: "100 = yes"}
              - {name: b}
            actors:
              - name: X
                capability: 10
                position: {a: 10, b: 20}
                salience: {a: 30, b: 30}
                assumption: made up for a test
              - name: Y
                capability: {value: 20, source: a table}
                position: {a: 50, b: 60, assumption: guessed}
                salience: {a: 30, b: 30, assumption: guessed}
              - name: Z
                capability: 30
                position: {a: 90, b: 90}
                salience: {a: 60, b: 10}
                source: a survey
            """;

    @Test
    void regionalExamplesLoadAndRun() {
        for (String f : new String[] {"caspian.yaml", "syr-darya.yaml", "eaeu.yaml"}) {
            BargainingProblem p = BargainingInputs.load(EXAMPLES.resolve(f));
            assertThat(p.actorCount()).as(f).isBetween(4, 5);
            SmpHistory h = SmpModel.run(p);
            assertThat(h.turns()).as(f).isBetween(2, 100);
            assertThat(h.stopReason()).as(f).isEqualTo(SmpHistory.StopReason.CONVERGED);
        }
    }

    @Test
    void yamlReadsNumbersProvenanceAndAccommodation() {
        BargainingProblem p = BargainingInputs.parse(
                "ok.yaml",
                (YAML_OK + "accommodation:\n  - {actor: X, toward: Y, weight: 0.2, assumption: X follows Y}\n")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(p.actors()).containsExactly("X", "Y", "Z");
        assertThat(p.position()[1]).containsExactly(0.5, 0.6);
        assertThat(p.capability()).containsExactly(10, 20, 30);
        // the own weight is what the others leave: 1 − 0.2
        assertThat(p.accommodation()[0]).containsExactly(0.8, 0.2, 0);
        assertThat(p.seed()).isEqualTo(Prng.DEFAULT_SEED);
    }

    @Test
    void yamlProblemsAreLocated() {
        assertThat(fails("bad.yaml", "issue: [unclosed\n").getMessage()).contains("bad.yaml:");
        assertThat(fails("bad.yaml", YAML_OK.replace("capability: 30", "capabilty: 30"))
                        .getMessage())
                .contains("bad.yaml:16:5", "unknown field 'capabilty'", "did you mean \"capability\"");
        assertThat(fails("bad.yaml", YAML_OK.replace("position: {a: 90, b: 90}", "position: {a: 90, bb: 90}"))
                        .getMessage())
                .contains("unknown dimension 'bb'", "no position on dimension 'b'");
        assertThat(fails("bad.yaml", YAML_OK.replace("{a: 10, b: 20}", "{a: 10, b: 120}"))
                        .getMessage())
                .contains("bad.yaml:8:", "X.position.b", "outside [0, 100]");
        assertThat(fails("bad.yaml", YAML_OK.replace("{a: 60, b: 10}", "{a: 60, b: 50}"))
                        .getMessage())
                .contains("saliences add up to 110.0, more than 100");
        assertThat(fails("bad.yaml", YAML_OK.replace("    source: a survey\n", ""))
                        .getMessage())
                .contains("Z.capability", "number without provenance");
        assertThat(fails("bad.yaml", YAML_OK.replace("source: a survey", "source: a survey\n    assumption: too"))
                        .getMessage())
                .contains("gives both source and assumption");
        assertThat(fails("bad.yaml", YAML_OK.replace("capability: 10", "capability: ten"))
                        .getMessage())
                .contains("'ten' is not a number");
        assertThat(fails("bad.yaml", YAML_OK.replace("capability: 10", "capability: 0"))
                        .getMessage())
                .contains("capability 0.0 is outside (0, 1e8]");
        assertThat(fails("bad.yaml", YAML_OK.replace("name: Z", "name: X")).getMessage())
                .contains("actor 'X' is listed twice");
        assertThat(fails(
                                "bad.yaml",
                                YAML_OK + "accommodation:\n  - {actor: W, toward: Y, weight: 0.2, assumption: r}\n")
                        .getMessage())
                .contains("unknown actor 'W'");
        assertThat(fails("bad.yaml", YAML_OK + "parameters: {VotingRule: Propp}\n")
                        .getMessage())
                .contains("'Propp' is not a value of VotingRule", "Prop");
        assertThat(fails("bad.yaml", "issue: two\ndimensions: [{name: a}]\nactors: []\n")
                        .getMessage())
                .contains("found 0 actors; expected 3..250");
        assertThat(fails("bad.yaml", YAML_OK.replace("name: X", "name: \"X\\u0007\""))
                        .getMessage())
                .contains("control character");
        assertThat(fails("bad.yaml", YAML_OK.replace("name: X", "name: " + "X".repeat(30)))
                        .getMessage())
                .contains("30 characters; expected 1..25");
    }

    @Test
    void csvProblemsFollowKtabsRules() {
        String ok = "S,desc,3,1,\nActor,Description,Power,P1,S1,\nA,a,100,50,40,\nB,b,80,20,30,\nC,c,60,90,50,\n";
        assertThat(BargainingInputs.parse("ok.csv", ok.getBytes(StandardCharsets.UTF_8))
                        .actorCount())
                .isEqualTo(3);
        assertThat(fails("bad.csv", ok.replace("S,desc,3,1", "S,desc,2,1")).getMessage())
                .contains("bad.csv:1:", "number of actors 2 is outside 3..250");
        assertThat(fails("bad.csv", ok.replace("B,b,80,20,30,\n", "\nB,b,80,20,30,\n"))
                        .getMessage())
                .contains("expected 3 actor rows", "blank line");
        assertThat(fails("bad.csv", ok.replace("A,a,100,50,40", "A,a,100,150,40"))
                        .getMessage())
                .contains("bad.csv:3:", "A.P1.position", "position 150.0 is outside [0, 100]");
        assertThat(fails("bad.csv", ok.replace("A,a,100,50,40", "A,a,1o0,50,40"))
                        .getMessage())
                .contains("bad.csv:3:5", "A.capability: '1o0' is not a number");
        assertThat(fails("bad.csv", ok.replace("A,a,100,50,40", "A,a,0,50,40")).getMessage())
                .contains("capability 0.0 is outside (0, 1e8]");
        assertThat(fails("bad.csv", ok.replace("A,a,100,50,40", "A,a,100,50,0")).getMessage())
                .contains("every salience of A is 0");
        assertThat(fails("bad.csv", ok.replace("A,a,", "ABCDEFGHIJKLMNOPQRSTUVWXYZ,a,"))
                        .getMessage())
                .contains("actor name has 26 characters; expected 1..25");
        assertThat(fails("bad.csv", ok + "D,d,1,1,1,\n").getMessage()).contains("more actor rows than the 3 declared");
        assertThat(fails(
                                "bad.csv",
                                "S,d,3,2,\nActor,Description,Power,P1,S1,P2,S2\nA,a,1,1,60,1,50\n"
                                        + "B,b,1,1,1,1,1\nC,c,1,1,1,1,1\n")
                        .getMessage())
                .contains("saliences of A add up to 110.0 by this column, more than 100");
        assertThat(fails("bad.csv", "A,b\0c").getMessage()).contains("NUL byte");
        assertThat(fails("bad.txt", ok).getMessage()).contains("unknown input format");
    }

    @Test
    void xmlProblemsAreLocatedAndEntitiesRefused() {
        String ok = new String(KtabParityTest.resource("inputs/smpExample-det.xml"), StandardCharsets.UTF_8);
        assertThat(fails("bad.xml", ok.replace("</Actors>", "")).getMessage()).contains("malformed XML");
        assertThat(fails(
                                "bad.xml",
                                ok.replace("<VotingRule>PropCbc</VotingRule>", "<VotingRule>Sometimes</VotingRule>"))
                        .getMessage())
                .contains("bad.xml:", "'Sometimes' is not a value of VotingRule");
        assertThat(fails("bad.xml", ok.replace("<capability>117.7</capability>", "<capability>-1</capability>"))
                        .getMessage())
                .contains("Alice.capability", "outside (0, 1e8]");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE Scenario [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<Scenario><name>&x;</name></Scenario>";
        assertThat(fails("evil.xml", xxe).getMessage()).doesNotContain("root:");
    }

    @Test
    void ktabRowsWithExtraFields_areRefusedWithTheirLineAndColumn_emptyTrailingFieldsAreFine() {
        String ok = "S,d,3,1\nActor,Desc,Power,P,S\nA,a,1,10,50\nB,b,1,20,50\nC,c,1,30,50\n";
        assertThat(BargainingInputs.parse("ok.csv", ok.replace("\n", ",,\n").getBytes(StandardCharsets.UTF_8))
                        .actorCount())
                .isEqualTo(3);
        assertThat(fails("extra.csv", ok.replace("B,b,1,20,50", "B,b,1,20,50,99"))
                        .getMessage())
                .contains("extra.csv:4:", "field 6 ('99') is beyond the 5 fields of an actor row");
        assertThat(fails("extra.csv", ok.replace("Actor,Desc,Power,P,S", "Actor,Desc,Power,P,S,Q"))
                        .getMessage())
                .contains("extra.csv:2:", "field 6 ('Q') is beyond the 5 fields of the header row");
        // line 1's tail is KTAB's "[ignored...]" (its own dummyData_6Dim.csv has a 0 there)
        assertThat(BargainingInputs.parse(
                                "ok.csv", ok.replace("S,d,3,1", "S,d,3,1,0").getBytes(StandardCharsets.UTF_8))
                        .actorCount())
                .isEqualTo(3);
    }

    @Test
    void specialFiles_aFifoOrDeviceIsRefusedAtOnce_neverOpened(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("issue.csv");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor())
                .isZero();
        assertThatThrownBy(() -> BargainingInputs.load(fifo))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("issue.csv: is a FIFO, device or socket, not a regular file");
        assertThatThrownBy(() -> BargainingInputs.load(Path.of("/dev/zero")))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("/dev/zero: is a FIFO, device or socket");
        assertThatThrownBy(() -> org.multivector.scenario.Overlay.load(fifo))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("not a regular file (expected an overlay YAML file)");
        assertThatThrownBy(() -> org.multivector.scenario.ScenarioLoader.load(fifo))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("not a regular file (expected a scenario YAML file)");
        assertThatThrownBy(() -> BargainingInputs.load(dir)).hasMessageContaining("is a directory");
        // a loop of links is refused at once too
        Files.createSymbolicLink(dir.resolve("a.csv"), dir.resolve("b.csv"));
        Files.createSymbolicLink(dir.resolve("b.csv"), dir.resolve("a.csv"));
        assertThatThrownBy(() -> BargainingInputs.load(dir.resolve("a.csv")))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("a.csv: cannot be read: Too many levels of symbolic links");
    }

    @Test
    void hugeFilesAreRefusedBeforeReading(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.csv");
        Files.write(big, new byte[BargainingInputs.MAX_BYTES + 1]);
        assertThatThrownBy(() -> BargainingInputs.load(big))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("larger than the limit");
        assertThatThrownBy(() -> BargainingInputs.load(dir.resolve("missing.yaml")))
                .hasMessageContaining("no such file");
    }

    @Test
    void perturbationsKeepInputsValidAndDependOnlyOnSeedAndRun() {
        BargainingProblem p = BargainingInputs.load(EXAMPLES.resolve("eaeu.yaml"));
        Perturbation noise = Perturbation.parse("positions=20,salience=50%,capability=30%");
        BargainEnsembleJob job = new BargainEnsembleJob(p, noise, 7, 20, 100);
        for (int r = 0; r < 20; r++) {
            BargainingProblem q = job.problemFor(r);
            for (int i = 0; i < q.actorCount(); i++) {
                double total = 0;
                for (int d = 0; d < q.dimensionCount(); d++) {
                    assertThat(q.position()[i][d]).isBetween(0.0, 1.0);
                    total += q.salience()[i][d];
                }
                assertThat(total).isGreaterThan(0).isLessThanOrEqualTo(1.0 + 1e-12);
                assertThat(q.capability()[i]).isPositive();
            }
            assertThat(job.problemFor(r).position()).isDeepEqualTo(q.position());
        }
        assertThat(job.problemFor(1).position()).isNotEqualTo(job.problemFor(2).position());
        assertThatThrownBy(() -> Perturbation.parse("position=x")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> Perturbation.parse("power=5")).hasMessageContaining("unknown input 'power'");
    }
}

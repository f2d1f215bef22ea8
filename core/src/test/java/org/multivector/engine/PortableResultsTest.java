package org.multivector.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.multivector.model.ActorKind;
import org.multivector.model.Scenario;
import org.multivector.model.StrategySpec;
import org.multivector.scenario.ScenarioLoader;

/**
 * The engine's results do not depend on how the JVM computes {@code Math}'s transcendental functions. HotSpot on x86
 * computes {@code Math.exp}, {@code log} and {@code pow} with intrinsics whose last bits differ from fdlibm's, which is
 * what a JVM without them computes (another processor, another vendor's JVM). Switching the intrinsics off
 * ({@code -XX:-UseLibmIntrinsic}) shows that difference on this machine: the runs of a child JVM without them must be
 * the same bits as this JVM's. With {@code Math} in the engine (before {@code PortableMath}) this test failed: all three
 * shipped scenarios' hashes differed. On a JVM without the flag the child ignores it, and the test checks only that
 * two JVMs agree.
 */
class PortableResultsTest {
    private static final int RUNS = 20;

    @Test
    void runsAndBranches_inAJvmWithoutItsMathIntrinsics_areTheSameBits() throws Exception {
        Process p = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-XX:+IgnoreUnrecognizedVMOptions",
                        "-XX:+UnlockDiagnosticVMOptions",
                        "-XX:-UseLibmIntrinsic",
                        "-cp",
                        System.getProperty("java.class.path"),
                        Hasher.class.getName())
                .redirectErrorStream(true)
                .start();
        String child = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished").isTrue();
        assertThat(p.exitValue()).as(child).isZero();
        assertThat(child).isEqualTo(Hasher.hashes());
    }

    /** Prints one hash per shipped scenario over the bits of its runs and of branches from their histories. */
    static final class Hasher {
        public static void main(String[] args) {
            System.out.println(hashes());
        }

        static String hashes() {
            StringBuilder b = new StringBuilder();
            for (String name : ScenarioLoader.builtInNames()) {
                Scenario s = ScenarioLoader.builtIn(name);
                CompiledScenario c = CompiledScenario.of(s);
                Engine e = new Engine(c);
                double[] out = new double[e.outputSize()];
                long h = 17;
                for (int r = 0; r < RUNS; r++) {
                    e.run(1992L, r, out);
                    h = mix(h, out);
                }
                String state = s.actors().stream()
                        .filter(a -> a.kind() == ActorKind.REGIONAL)
                        .findFirst()
                        .orElseThrow()
                        .id();
                Engine.Checkpoint cp = e.newCheckpoint(2024);
                Engine branch = new Engine(c);
                branch.setStrategy(state, new StrategySpec.Neutral());
                for (int r = 0; r < RUNS / 2; r++) {
                    e.checkpoint(cp, 7L, r);
                    branch.runFrom(cp, 7L, r, out);
                    h = mix(h, out);
                }
                b.append(name).append('=').append(Long.toHexString(h)).append(' ');
            }
            return b.toString().strip();
        }

        private static long mix(long h, double[] out) {
            for (double v : out) {
                h = h * 1_000_003L + Double.doubleToLongBits(v);
            }
            return h;
        }
    }
}

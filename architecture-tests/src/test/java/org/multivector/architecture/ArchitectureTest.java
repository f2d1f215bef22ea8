package org.multivector.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The arrows of DESIGN.md §2 and STYLE.md over every module, Spark included: {@code cli|server → report, store →
 * core}, {@code spark → core}; inside core {@code model ← scenario}, {@code model ← metric ← engine ← study},
 * {@code model, scenario ← bargain}, {@code numeric} under all of them; adapters use the study service and its records, never the engine or a job;
 * no static mutable state in core.
 */
class ArchitectureTest {
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.multivector");

    static final String[] CORE = {
        "org.multivector.numeric..",
        "org.multivector.model..",
        "org.multivector.scenario..",
        "org.multivector.metric..",
        "org.multivector.engine..",
        "org.multivector.study..",
        "org.multivector.validate..",
        "org.multivector.bargain.."
    };

    /** A study job or the machinery that runs one: what only the study layer may touch. */
    static final DescribedPredicate<JavaClass> JOB_MACHINERY =
            new DescribedPredicate<>("a job, the engine or the runner") {
                @Override
                public boolean test(JavaClass c) {
                    String n = c.getName();
                    return (c.getPackageName().equals("org.multivector.study")
                                    && c.getSimpleName().endsWith("Job"))
                            || n.startsWith("org.multivector.study.BlockJob")
                            || n.equals("org.multivector.engine.Engine")
                            || n.equals("org.multivector.engine.CompiledScenario")
                            || n.startsWith("org.multivector.metric.");
                }
            };

    @Test
    void allClassesAreImported() {
        // a rule over an empty import passes vacuously: make sure every module is here, Spark's classes too
        for (String pkg : List.of(
                "org.multivector.study",
                "org.multivector.store",
                "org.multivector.report",
                "org.multivector.server",
                "org.multivector.cli",
                "org.multivector.builder",
                "org.multivector.spark")) {
            org.assertj.core.api.Assertions.assertThat(CLASSES.containPackage(pkg))
                    .as(pkg)
                    .isTrue();
        }
        org.assertj.core.api.Assertions.assertThat(
                        new ClassFileImporter().importClasses(org.apache.spark.SparkConf.class))
                .isNotEmpty();
    }

    @Test
    void core_dependsOnNoOuterModuleOrFramework() {
        noClasses()
                .that()
                .resideInAnyPackage(CORE)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.multivector.cli..",
                        "org.multivector.store..",
                        "org.multivector.report..",
                        "org.multivector.server..",
                        "org.multivector.builder..",
                        "org.multivector.spark..",
                        "org.apache.spark..",
                        "org.duckdb..",
                        "io.javalin..",
                        "picocli..")
                .check(CLASSES);
    }

    @Test
    void builder_dependsOnCoreAndStoreOnly_andOnlyTheCommandLineUsesIt() {
        noClasses()
                .that()
                .resideInAPackage("org.multivector.builder..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.multivector.cli..",
                        "org.multivector.server..",
                        "org.multivector.report..",
                        "org.multivector.spark..",
                        "picocli..")
                .check(CLASSES);
        noClasses()
                .that()
                .resideInAnyPackage(
                        "org.multivector.store..",
                        "org.multivector.report..",
                        "org.multivector.server..",
                        "org.multivector.spark..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.multivector.builder..")
                .check(CLASSES);
    }

    @Test
    void store_dependsOnCoreOnly_andKnowsNoJob() {
        noClasses()
                .that()
                .resideInAPackage("org.multivector.store..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.multivector.cli..",
                        "org.multivector.server..",
                        "org.multivector.report..",
                        "org.multivector.spark..")
                .check(CLASSES);
        noClasses()
                .that()
                .resideInAPackage("org.multivector.store..")
                .should()
                .dependOnClassesThat(JOB_MACHINERY)
                .check(CLASSES);
    }

    @Test
    void report_dependsOnCoreOnly_andKnowsNoJob() {
        noClasses()
                .that()
                .resideInAPackage("org.multivector.report..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.multivector.cli..",
                        "org.multivector.server..",
                        "org.multivector.store..",
                        "org.multivector.spark..")
                .check(CLASSES);
        noClasses()
                .that()
                .resideInAPackage("org.multivector.report..")
                .should()
                .dependOnClassesThat(JOB_MACHINERY)
                .check(CLASSES);
    }

    @Test
    void adapters_useTheStudyServiceAndItsRecords_neverTheEngineOrAJob() {
        noClasses()
                .that()
                .resideInAnyPackage("org.multivector.cli", "org.multivector.server..")
                .should()
                .dependOnClassesThat(JOB_MACHINERY)
                .orShould()
                .callMethodWhere(new DescribedPredicate<>("StudyRunner.run") {
                    @Override
                    public boolean test(com.tngtech.archunit.core.domain.JavaMethodCall call) {
                        return call.getTargetOwner().getName().equals("org.multivector.study.StudyRunner")
                                && call.getName().equals("run");
                    }
                })
                .check(CLASSES);
    }

    @Test
    void server_knowsNoCliOrSpark_andCliReachesSparkOnlyThroughTheServiceLoader() {
        noClasses()
                .that()
                .resideInAPackage("org.multivector.server..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.multivector.cli..", "org.multivector.spark..", "org.apache.spark..")
                .check(CLASSES);
        noClasses()
                .that()
                .resideInAPackage("org.multivector.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.multivector.spark..", "org.apache.spark..")
                .check(CLASSES);
    }

    @Test
    void spark_dependsOnCoreOnly() {
        noClasses()
                .that()
                .resideInAPackage("org.multivector.spark..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.multivector.cli..",
                        "org.multivector.server..",
                        "org.multivector.store..",
                        "org.multivector.report..")
                .check(CLASSES);
    }

    @Test
    void insideCore_arrowsPointToTheModel() {
        // the portable arithmetic under everything: it knows no other package of the project
        noClasses()
                .that()
                .resideInAPackage("org.multivector.numeric..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(java.util.Arrays.stream(CORE)
                        .filter(p -> !p.startsWith("org.multivector.numeric"))
                        .toArray(String[]::new))
                .check(CLASSES);
        noClasses()
                .that()
                .resideInAPackage("org.multivector.model..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.multivector.scenario..",
                        "org.multivector.metric..",
                        "org.multivector.engine..",
                        "org.multivector.study..",
                        "org.multivector.validate..",
                        "org.multivector.bargain..")
                .check(CLASSES);
        noClasses()
                .that()
                .resideInAPackage("org.multivector.metric..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.multivector.engine..",
                        "org.multivector.scenario..",
                        "org.multivector.study..",
                        "org.multivector.bargain..")
                .check(CLASSES);
        noClasses()
                .that()
                .resideInAPackage("org.multivector.engine..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.multivector.scenario..", "org.multivector.study..", "org.multivector.validate..")
                .check(CLASSES);
        noClasses()
                .that()
                .resideInAPackage("org.multivector.scenario..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.multivector.engine..",
                        "org.multivector.study..",
                        "org.multivector.validate..",
                        "org.multivector.bargain..")
                .check(CLASSES);
    }

    @Test
    void modelArithmetic_takesNoTranscendentalFunctionFromMath() {
        // Math.exp, log, pow, … may give other bits on another JVM or processor (their Javadoc allows it); results and
        // compiled scenarios take PortableMath or StrictMath instead. The bargaining package keeps KTAB's arithmetic.
        String[] functions = {
            "exp", "log", "log10", "log1p", "expm1", "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh",
            "tanh", "cbrt"
        };
        String[] packages = java.util.stream.Stream.concat(
                        java.util.Arrays.stream(CORE)
                                .filter(p -> !p.startsWith("org.multivector.bargain")
                                        && !p.startsWith("org.multivector.numeric")),
                        java.util.stream.Stream.of("org.multivector.builder..", "org.multivector.spark.."))
                .toArray(String[]::new);
        var rule = noClasses()
                .that()
                .resideInAnyPackage(packages)
                .should()
                .callMethod(Math.class, "pow", double.class, double.class)
                .orShould()
                .callMethod(Math.class, "atan2", double.class, double.class)
                .orShould()
                .callMethod(Math.class, "hypot", double.class, double.class);
        for (String f : functions) {
            rule = rule.orShould().callMethod(Math.class, f, double.class);
        }
        rule.check(CLASSES);
    }

    @Test
    void bargain_dependsOnTheModelAndTheInputMachineryOnly() {
        noClasses()
                .that()
                .resideInAPackage("org.multivector.bargain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.multivector.engine..",
                        "org.multivector.metric..",
                        "org.multivector.study..",
                        "org.multivector.validate..")
                .check(CLASSES);
    }

    /** Types whose static instances hold state that changes: caches, counters, generators. */
    static final List<String> MUTABLE = List.of(
            "java.util.HashMap",
            "java.util.LinkedHashMap",
            "java.util.TreeMap",
            "java.util.ArrayList",
            "java.util.LinkedList",
            "java.util.HashSet",
            "java.util.Random",
            "java.lang.ThreadLocal",
            "java.lang.StringBuilder");

    @Test
    void core_holdsNoStaticMutableState() {
        fields().that()
                .areDeclaredInClassesThat()
                .resideInAnyPackage(CORE)
                .and()
                .areStatic()
                .should(new ArchCondition<>("be final and of an immutable type") {
                    @Override
                    public void check(JavaField f, ConditionEvents events) {
                        JavaClass t = f.getRawType();
                        boolean mutableType = t.isArray()
                                || MUTABLE.contains(t.getName())
                                || t.getName().startsWith("java.util.concurrent.")
                                || t.getName().startsWith("java.util.concurrent.atomic.");
                        boolean ok = f.getModifiers().contains(JavaModifier.FINAL) && !mutableType;
                        // the compiler's own tables: an enum's values, an enum switch's ordinal map
                        boolean synthetic =
                                f.getName().equals("$VALUES") || f.getName().startsWith("$SwitchMap$");
                        if (!ok && !synthetic) {
                            events.add(SimpleConditionEvent.violated(f, f.getFullName() + " is static mutable state"));
                        }
                    }
                })
                .check(CLASSES);
    }
}

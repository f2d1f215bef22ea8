package org.multivector.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The module and package arrows of STYLE.md: cli|server|spark -> store -> core; inside core model <- scenario, model <- metric <- engine. */
class ArchitectureTest {
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.multivector");

    @Test
    void core_dependsOnNoOuterModule() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "org.multivector.model..",
                        "org.multivector.scenario..",
                        "org.multivector.metric..",
                        "org.multivector.engine..",
                        "org.multivector.study..",
                        "org.multivector.validate..",
                        "org.multivector.bargain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.multivector.cli..",
                        "org.multivector.store..",
                        "org.multivector.server..",
                        "org.multivector.spark..")
                .check(CLASSES);
    }

    @Test
    void store_doesNotDependOnCli() {
        noClasses()
                .that()
                .resideInAPackage("org.multivector.store..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.multivector.cli..", "org.multivector.server..", "org.multivector.spark..")
                .check(CLASSES);
    }

    @Test
    void server_doesNotDependOnCliOrSpark() {
        noClasses()
                .that()
                .resideInAPackage("org.multivector.server..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.multivector.cli..", "org.multivector.spark..")
                .check(CLASSES);
    }

    @Test
    void insideCore_arrowsPointToTheModel() {
        noClasses()
                .that()
                .resideInAPackage("org.multivector.model..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.multivector.scenario..", "org.multivector.metric..", "org.multivector.engine..")
                .check(CLASSES);
        noClasses()
                .that()
                .resideInAPackage("org.multivector.metric..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.multivector.engine..", "org.multivector.scenario..")
                .check(CLASSES);
        noClasses()
                .that()
                .resideInAPackage("org.multivector.engine..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.multivector.scenario..", "org.multivector.study..")
                .check(CLASSES);
    }

    @Test
    void cli_reachesSparkOnlyThroughTheServiceLoader() {
        noClasses()
                .that()
                .resideInAPackage("org.multivector.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.multivector.spark..", "org.apache.spark..")
                .check(CLASSES);
    }
}

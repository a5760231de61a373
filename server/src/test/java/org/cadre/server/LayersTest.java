package org.cadre.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The server's floors, as docs/architecture.md draws them: the doors (the web API and the command line)
 * parse, call one use case and answer; only the use cases (app) reach the store and ask who may do what. A
 * door may hold the database handle (to open and close it), nothing else of the store, nothing of jOOQ, and
 * asks no permission or scope question ({@code security.Access}) of its own.
 */
class LayersTest {

    private static final JavaClasses SERVER = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.cadre.server");

    /** The store, but for the database handle a door opens and closes. */
    private static final DescribedPredicate<JavaClass> STORE_BUT_THE_HANDLE = new DescribedPredicate<>(
            "a class of the store other than the database handle (store.Database)") {
        @Override
        public boolean test(JavaClass c) {
            return c.getPackageName().startsWith("org.cadre.server.store") && !c.getName().equals("org.cadre.server.store.Database");
        }
    };

    /** The command line: the classes of the root package. */
    private static final DescribedPredicate<JavaClass> COMMAND_LINE = new DescribedPredicate<>("the command line (org.cadre.server)") {
        @Override
        public boolean test(JavaClass c) {
            return c.getPackageName().equals("org.cadre.server");
        }
    };

    @Test
    void the_web_api_reaches_neither_the_store_nor_jooq() {
        noClasses().that().resideInAPackage("org.cadre.server.web..")
                .should().dependOnClassesThat(STORE_BUT_THE_HANDLE)
                .orShould().dependOnClassesThat().resideInAPackage("org.jooq..")
                .check(SERVER);
    }

    @Test
    void the_command_line_reaches_neither_the_store_nor_jooq() {
        noClasses().that(COMMAND_LINE)
                .should().dependOnClassesThat(STORE_BUT_THE_HANDLE)
                .orShould().dependOnClassesThat().resideInAPackage("org.jooq..")
                .check(SERVER);
    }

    @Test
    void the_doors_ask_no_permission_or_scope_question_of_their_own() {
        noClasses().that().resideInAPackage("org.cadre.server.web..").or(COMMAND_LINE)
                .should().dependOnClassesThat().haveFullyQualifiedName("org.cadre.server.security.Access")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.cadre.server.security.Access$Permission")
                .check(SERVER);
    }

    @Test
    void the_use_cases_see_neither_http_nor_the_command_line() {
        noClasses().that().resideInAPackage("org.cadre.server.app..")
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "picocli..", "jakarta.servlet..",
                        "org.cadre.server.web..")
                .orShould().dependOnClassesThat(COMMAND_LINE)
                .check(SERVER);
    }

    @Test
    void the_user_and_scope_model_does_not_depend_on_the_store() {
        noClasses().that().resideInAPackage("org.cadre.server.security..")
                .should().dependOnClassesThat().resideInAnyPackage("org.cadre.server.store..", "org.cadre.server.app..",
                        "org.cadre.server.web..", "org.jooq..")
                .check(SERVER);
    }
}

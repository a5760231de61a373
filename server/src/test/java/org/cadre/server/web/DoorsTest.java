package org.cadre.server.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.cadre.server.security.Access;
import org.cadre.server.store.AlreadyStoredException;
import org.cadre.server.store.Versioned;
import org.junit.jupiter.api.Test;

/**
 * The doors that call use cases ({@code org.cadre.server.app}) parse, call and answer: they reach neither the
 * store nor jOOQ, and ask no permission or scope question of their own. Only a stored record's version
 * ({@link Versioned}) crosses from the store. EventRoutes, Api and CadreApp are not held to it yet.
 */
class DoorsTest {

    private static final JavaClasses WEB = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.cadre.server.web");

    private static final DescribedPredicate<JavaClass> DOORS = doors("DirectoryRoutes", "CurriculumRoutes", "PoolRoutes",
            "ReportRoutes", "FrameworkRoutes", "ErasureRoutes");

    /** FrameworkRoutes still asks Api.allow before reading its body; its use case asks again. */
    private static final DescribedPredicate<JavaClass> DOORS_WITHOUT_PERMISSIONS = doors("DirectoryRoutes", "CurriculumRoutes",
            "PoolRoutes", "ReportRoutes", "ErasureRoutes");

    private static DescribedPredicate<JavaClass> doors(String... names) {
        java.util.List<String> doors = java.util.List.of(names);
        return DescribedPredicate.describe("a door that calls use cases", c -> c.getPackageName().equals("org.cadre.server.web")
                && doors.contains(c.getName().substring("org.cadre.server.web.".length()).replaceFirst("\\$.*$", "")));
    }

    @Test
    void the_converted_doors_reach_neither_the_store_nor_jooq() {
        noClasses().that(DOORS).should().dependOnClassesThat(DescribedPredicate.describe("a store class or jOOQ",
                (JavaClass c) -> c.getPackageName().startsWith("org.jooq")
                        || c.getPackageName().startsWith("org.cadre.server.store") && !c.isEquivalentTo(Versioned.class)
                        // DirectoryRoutes' deprecated copy of Checks.created, kept while EventRoutes calls it
                        && !c.isEquivalentTo(AlreadyStoredException.class)))
                .check(WEB);
    }

    @Test
    void the_converted_doors_leave_permission_and_scope_to_the_use_cases() {
        noClasses().that(DOORS_WITHOUT_PERMISSIONS).should().dependOnClassesThat(DescribedPredicate.describe(
                "security.Access or its permissions", (JavaClass c) -> c.getName().startsWith(Access.class.getName()))).check(WEB);
    }
}

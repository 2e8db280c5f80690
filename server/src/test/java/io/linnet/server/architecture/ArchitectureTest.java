package io.linnet.server.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The module rules of docs/architecture.md, checked on the compiled classes of every module. */
class ArchitectureTest {

    private static final String TENANCY = "io.linnet.tenancy..";
    private static final String MESSAGING = "io.linnet.messaging..";
    private static final String MODERATION = "io.linnet.moderation..";
    private static final String PUSH = "io.linnet.push..";
    private static final String ANALYTICS = "io.linnet.analytics..";
    private static final String BILLING = "io.linnet.billing..";
    private static final String CONSOLE = "io.linnet.console..";
    private static final String SERVER = "io.linnet.server..";

    private static JavaClasses linnet;

    @BeforeAll
    static void importLinnet() {
        linnet = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.linnet");
    }

    @Test
    void the_tenancy_kernel_depends_on_no_other_linnet_module() {
        noClasses().that().resideInAPackage(TENANCY)
                .should().dependOnClassesThat().resideInAnyPackage(MESSAGING, MODERATION, PUSH, ANALYTICS, BILLING, CONSOLE, SERVER)
                .check(linnet);
    }

    @Test
    void messaging_depends_only_on_tenancy() {
        noClasses().that().resideInAPackage(MESSAGING)
                .should().dependOnClassesThat().resideInAnyPackage(MODERATION, PUSH, ANALYTICS, BILLING, CONSOLE, SERVER)
                .allowEmptyShould(true)
                .check(linnet);
    }

    @Test
    void moderation_depends_on_tenancy_and_the_public_side_of_messaging() {
        noClasses().that().resideInAPackage(MODERATION)
                .should().dependOnClassesThat().resideInAnyPackage(PUSH, ANALYTICS, BILLING, CONSOLE, SERVER,
                        "io.linnet.messaging.*.." /* only messaging's root package is its API */)
                .check(linnet);
    }

    @Test
    void push_depends_on_tenancy_and_the_public_side_of_messaging() {
        noClasses().that().resideInAPackage(PUSH)
                .should().dependOnClassesThat().resideInAnyPackage(MODERATION, ANALYTICS, BILLING, CONSOLE, SERVER,
                        "io.linnet.messaging.*..")
                .allowEmptyShould(true)
                .check(linnet);
    }

    @Test
    void analytics_depends_on_tenancy_and_the_public_side_of_messaging_push_and_moderation() {
        noClasses().that().resideInAPackage(ANALYTICS)
                .should().dependOnClassesThat().resideInAnyPackage(BILLING, CONSOLE, SERVER,
                        "io.linnet.messaging.*..", "io.linnet.push.*..", "io.linnet.moderation.*..")
                .check(linnet);
    }

    @Test
    void billing_depends_on_tenancy_and_the_public_side_of_the_cores_and_analytics() {
        noClasses().that().resideInAPackage(BILLING)
                .should().dependOnClassesThat().resideInAnyPackage(CONSOLE, SERVER, MODERATION,
                        "io.linnet.messaging.*..", "io.linnet.push.*..", "io.linnet.analytics.*..")
                .check(linnet);
    }

    @Test
    void nothing_but_the_server_depends_on_the_console() {
        noClasses().that().resideInAnyPackage(TENANCY, MESSAGING, MODERATION, PUSH, ANALYTICS, BILLING)
                .should().dependOnClassesThat().resideInAPackage(CONSOLE)
                .check(linnet);
    }

    @Test
    void vaadin_is_used_only_by_the_console_and_the_server() {
        noClasses().that().resideInAnyPackage(TENANCY, MESSAGING, MODERATION, PUSH, ANALYTICS, BILLING)
                .should().dependOnClassesThat().resideInAPackage("com.vaadin..")
                .check(linnet);
    }

    @Test
    void the_console_calls_services_and_never_touches_the_database() {
        noClasses().that().resideInAPackage(CONSOLE)
                .should().dependOnClassesThat().resideInAnyPackage("io.linnet.tenancy.database..",
                        "org.springframework.jdbc..", "java.sql..")
                .check(linnet);
    }

    @Test
    void modules_have_no_cycles() {
        slices().matching("io.linnet.(*)..").should().beFreeOfCycles().check(linnet);
    }
}

package io.linnet.server.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import io.linnet.server.architecture.planted.ledger.Ledger;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The module rules of docs/architecture.md as Spring Modulith sees them: each direct sub-package of
 * {@code io.linnet} is a module, its root package is its API, every package below is internal, and
 * modules form no cycle. ({@link ArchitectureTest} checks which module may depend on which.)
 */
class ModulesTest {

    /** Where the generated module diagrams and canvases are kept, next to docs/architecture.md. */
    private static final Path DOCUMENTED = Path.of("..", "docs", "modules");
    /** Set to rewrite docs/modules from the code: {@code ./mvnw test -pl server -am -Dtest=ModulesTest -Dlinnet.modules.write-docs=true}. */
    private static final boolean WRITE_DOCS = Boolean.getBoolean("linnet.modules.write-docs");

    static final ApplicationModules LINNET = ApplicationModules.of("io.linnet", new ImportOption.DoNotIncludeTests());

    @Test
    void linnet_has_the_modules_of_the_architecture() {
        assertThat(LINNET.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
                .containsExactlyInAnyOrder("tenancy", "messaging", "moderation", "push", "analytics", "billing", "console",
                        "server");
    }

    @Test
    void every_module_uses_only_what_the_others_expose_and_there_is_no_cycle() {
        LINNET.verify();
    }

    @Test
    void a_module_that_reaches_into_another_modules_internals_is_caught() {
        ApplicationModules planted = ApplicationModules.of(Ledger.class.getPackageName().replace(".ledger", ""),
                location -> true);

        assertThatThrownBy(planted::verify).isInstanceOf(Violations.class)
                .hasMessageContaining("Checkout")
                .hasMessageContaining("ledger.internal.Entries");
    }

    @Test
    void the_module_documentation_in_docs_is_generated_from_the_code() throws IOException {
        Path generated = Path.of("target", "modules");
        new Documenter(LINNET, Documenter.Options.defaults().withOutputFolder(generated.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        List<Path> files;
        try (Stream<Path> written = Files.list(generated)) {
            files = written.sorted().toList();
        }
        assertThat(files).as("diagrams and canvases written").hasSizeGreaterThan((int) LINNET.stream().count());

        if (WRITE_DOCS) {
            Files.createDirectories(DOCUMENTED);
            for (Path file : files) {
                Files.copy(file, DOCUMENTED.resolve(file.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        for (Path file : files) {
            Path documented = DOCUMENTED.resolve(file.getFileName().toString());
            assertThat(documented).as("%s is in docs/modules; rerun with -Dlinnet.modules.write-docs=true", file.getFileName())
                    .exists();
            assertThat(linesOf(documented)).as("docs/modules/%s is what the code says; rerun with "
                    + "-Dlinnet.modules.write-docs=true", file.getFileName())
                    .containsExactlyInAnyOrderElementsOf(linesOf(file));
        }
    }

    /**
     * A generated file's lines, in a form that does not depend on their order: Spring Modulith writes
     * relations and events in no fixed order, and an AsciiDoc list's first item carries the table's
     * cell mark ({@code |* x}), so the same items in another order differ in that mark only.
     */
    private static List<String> linesOf(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(line -> line.startsWith("|* ") ? line.substring(1) : line).toList();
    }
}

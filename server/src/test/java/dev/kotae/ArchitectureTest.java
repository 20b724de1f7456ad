package dev.kotae;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import dev.kotae.cyclefixturea.Ask;
import dev.kotae.cyclefixtureb.Answer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package structure, checked on the compiled main classes (the server's and the plugin API's):
 * no package depends on itself through others, and the plugin API uses nothing of the server.
 */
class ArchitectureTest {

    /**
     * Each package directly under {@code dev.kotae} (with its subpackages) is one slice, and
     * {@code dev.kotae} itself (the command line and the wiring) is one too. The one exception is
     * {@code dev.kotae.learning.evidence}: {@code dev.kotae.learning} is the model that the index and the
     * evidence side share and depends on nothing, while the evidence side reads analytics; were they one
     * slice, the index using the model would look like a cycle through analytics.
     */
    private static final String LEARNING_EVIDENCE = "dev.kotae.learning.evidence";

    private static final SliceAssignment TOP_LEVEL_PACKAGES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            if (name.equals("dev.kotae")) {
                return SliceIdentifier.of("dev.kotae");
            }
            if (!name.startsWith("dev.kotae.")) {
                return SliceIdentifier.ignore();
            }
            if (name.equals(LEARNING_EVIDENCE) || name.startsWith(LEARNING_EVIDENCE + ".")) {
                return SliceIdentifier.of(LEARNING_EVIDENCE);
            }
            String rest = name.substring("dev.kotae.".length());
            int dot = rest.indexOf('.');
            return SliceIdentifier.of("dev.kotae." + (dot < 0 ? rest : rest.substring(0, dot)));
        }

        @Override
        public String getDescription() {
            return "the packages of dev.kotae";
        }
    };

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.kotae");
    }

    private static final ArchRule NO_CYCLES = slices().assignedFrom(TOP_LEVEL_PACKAGES).should().beFreeOfCycles();

    @Test
    void packagesHaveNoCycles() {
        NO_CYCLES.check(classes);
    }

    @Test
    void theRuleRefusesACycle() {
        // Two test-only packages that use each other: the same rule must fail on them.
        JavaClasses cycle = new ClassFileImporter().importClasses(Ask.class, Answer.class);
        assertThrows(AssertionError.class, () -> NO_CYCLES.check(cycle));
    }

    @Test
    void pluginApiUsesNothingOfTheServer() {
        noClasses().that().resideInAPackage("dev.kotae.plugin..")
                .should().dependOnClassesThat(resideInAPackage("dev.kotae..")
                        .and(resideOutsideOfPackage("dev.kotae.plugin..")))
                .check(classes);
    }
}

package dev.kotae.plugin.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import japicmp.cmp.JApiCmpArchive;
import japicmp.cmp.JarArchiveComparator;
import japicmp.cmp.JarArchiveComparatorOptions;
import japicmp.model.JApiClass;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.ExtensionPoint;

/**
 * The compatibility check can fail: japicmp, the engine of this module's {@code verify} check, run with
 * the same two rules (no binary- and no source-incompatible change) on the frozen 1.0 baseline against
 * copies of the current API with a deliberately breaking edit, refuses each; the current API itself passes.
 *
 * <p>The same proof against the Maven build itself is a documented command (docs/plugins.md,
 * "Compatibility"): make the edit in {@code plugins/api} and {@code ./mvnw -pl plugins/api-compat -am verify}
 * fails.
 */
class ApiCompatibilityTest {

    private static final Path BASELINE = Paths.get(System.getProperty("kotae.api.baseline.sources"));
    private static final Path CURRENT = Paths.get(System.getProperty("kotae.api.current.sources"));
    private static final String PACKAGE = "dev/kotae/plugin/";

    @TempDir
    Path work;

    @Test
    void theCurrentApiKeepsEveryPromiseOfTheBaseline() throws Exception {
        List<JApiClass> broken = incompatible(jar("baseline", BASELINE), jar("current", CURRENT));
        assertEquals(List.of(), names(broken), "the current plugin API breaks 1.0");
    }

    @Test
    void aRemovedMethodBreaksTheBuild() throws Exception {
        Path edited = copyOfCurrent("renamed");
        replace(edited.resolve(PACKAGE + "WidgetResponse.java"), "public static WidgetResponse json(String json)",
                "public static WidgetResponse jsonBody(String json)");
        List<JApiClass> broken = incompatible(jar("baseline", BASELINE), jar("renamed", edited));
        assertEquals(List.of("dev.kotae.plugin.WidgetResponse"), names(broken));
        assertTrue(broken.get(0).getMethods().stream().anyMatch(m -> m.getName().equals("json")
                && !m.isBinaryCompatible()), "plugins calling json(String) would fail to link");
    }

    @Test
    void aNewAbstractMethodOnAnExtensionPointBreaksTheBuild() throws Exception {
        Path edited = copyOfCurrent("widened");
        replace(edited.resolve(PACKAGE + "ContentSource.java"), "    String sourceId();",
                "    String sourceId();\n\n    String displayName();");
        List<JApiClass> broken = incompatible(jar("baseline", BASELINE), jar("widened", edited));
        assertEquals(List.of("dev.kotae.plugin.ContentSource"), names(broken));
        assertTrue(!broken.get(0).isSourceCompatible(), "every existing source would stop compiling");
    }

    @Test
    void aChangedRecordComponentBreaksTheBuild() throws Exception {
        // What the builders exist for: the canonical constructor of SourceArticle is part of the promise too.
        Path edited = copyOfCurrent("grown");
        replace(edited.resolve(PACKAGE + "SourceArticle.java"), "        LocalDate updated) {",
                "        LocalDate updated,\n        String author) {");
        replace(edited.resolve(PACKAGE + "SourceArticle.java"), "tags,\n                    questions, updated);",
                "tags,\n                    questions, updated, null);");
        List<JApiClass> broken = incompatible(jar("baseline", BASELINE), jar("grown", edited));
        assertEquals(List.of("dev.kotae.plugin.SourceArticle"), names(broken));
    }

    /** The classes with a binary- or source-incompatible change, as the Maven check counts them. */
    private static List<JApiClass> incompatible(Path oldJar, Path newJar) {
        JarArchiveComparatorOptions options = new JarArchiveComparatorOptions();
        options.setClassPathMode(JarArchiveComparatorOptions.ClassPathMode.ONE_COMMON_CLASSPATH);
        options.getClassPathEntries().add(pf4j().toString());
        List<JApiClass> classes = new JarArchiveComparator(options)
                .compare(new JApiCmpArchive(oldJar.toFile(), "1.0"), new JApiCmpArchive(newJar.toFile(), "next"));
        return classes.stream().filter(c -> !c.isBinaryCompatible() || !c.isSourceCompatible()).toList();
    }

    private static List<String> names(List<JApiClass> classes) {
        return classes.stream().map(JApiClass::getFullyQualifiedName).sorted().toList();
    }

    private Path copyOfCurrent(String name) throws IOException {
        Path copy = work.resolve("src-" + name);
        try (Stream<Path> files = Files.walk(CURRENT)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = copy.resolve(CURRENT.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        return copy;
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains(from), "the edit applies to " + file.getFileName() + ": " + from);
        Files.writeString(file, text.replace(from, to));
    }

    /** Compiles the sources under {@code sources} with javac and jars the classes. */
    private Path jar(String name, Path sources) throws IOException {
        Path classes = work.resolve("classes-" + name);
        Files.createDirectories(classes);
        List<String> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).map(Path::toString).toList();
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new java.util.ArrayList<>(List.of("--release", "17", "-proc:none", "-nowarn",
                "-cp", pf4j().toString(), "-d", classes.toString()));
        args.addAll(files);
        assertEquals(0, javac.run(null, null, null, args.toArray(String[]::new)), "javac compiles " + sources);
        Path jar = work.resolve(name + ".jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out);
                Stream<Path> walk = Files.walk(classes)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                jarOut.putNextEntry(new JarEntry(classes.relativize(file).toString().replace(File.separatorChar, '/')));
                jarOut.write(Files.readAllBytes(file));
                jarOut.closeEntry();
            }
        }
        return jar;
    }

    private static Path pf4j() {
        try {
            return Paths.get(ExtensionPoint.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

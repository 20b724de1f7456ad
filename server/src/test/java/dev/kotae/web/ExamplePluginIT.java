package dev.kotae.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kotae.config.PluginsConfig;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import javax.xml.parsers.DocumentBuilderFactory;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The plugin guide's example ({@code docs/examples/hello-plugin}) really works: its sources are compiled
 * as its pom compiles them (release 17, PF4J's annotation processor), packed into a jar with the pom's
 * {@code Plugin-*} manifest entries, and loaded into a real server, where its articles are searched and
 * its listener receives search events.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExamplePluginIT {

    private static final String PLUGIN_ID = "hello-plugin";
    private static final String GREETING = "Greetings from the zephyr lantern team.";
    private static final String EXAMPLE_PACKAGE = "com.example.kotae.hello";

    private KotaeServer server;
    private Map<String, String> manifestEntries;
    private final LogCapture log = new LogCapture();

    @BeforeAll
    void start(@TempDir Path work) throws Exception {
        Path example = KotaeServer.sampleContent().resolve("../docs/examples/hello-plugin").normalize();
        assertTrue(Files.isRegularFile(example.resolve("pom.xml")), "example not found at " + example);
        manifestEntries = pluginManifestEntries(example.resolve("pom.xml"));
        assertEquals(PLUGIN_ID, manifestEntries.get("Plugin-Id"), "the pom's Plugin-Id: " + manifestEntries);

        Path classes = compile(example.resolve("src/main/java"), work.resolve("classes"));
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        writeJar(classes, example.resolve("src/main/resources"), plugins.resolve("kotae-hello-plugin.jar"));

        log.attach(EXAMPLE_PACKAGE);
        server = KotaeServer.withPlugins(work, new PluginsConfig(plugins, Duration.ofSeconds(5),
                Map.of(PLUGIN_ID, Map.of("greeting", GREETING)), work));
        server.awaitSearch("zephyr lantern", null, ids -> ids.containsAll(List.of("hello:welcome-en", "hello:welcome-ja")));
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (server != null) {
                server.stop();
            }
        } finally {
            log.detach();
        }
    }

    @Test
    @Order(1)
    void thePluginAndAllItsExtensionsAreStarted() {
        JsonNode plugin = server.pluginStatus(PLUGIN_ID);
        assertEquals("started", plugin.get("state").asText(), plugin.toString());
        assertTrue(plugin.get("error").isNull(), plugin.toString());
        assertEquals(manifestEntries.get("Plugin-Version"), plugin.get("version").asText());
        assertEquals(manifestEntries.get("Plugin-Description"), plugin.get("description").asText());

        JsonNode extensions = plugin.get("extensions");
        assertEquals(2, extensions.size(), "a source and a listener: " + extensions);
        List<String> types = new ArrayList<>();
        for (JsonNode extension : extensions) {
            assertEquals("started", extension.get("state").asText(), extension.toString());
            assertTrue(extension.get("className").asText().startsWith(EXAMPLE_PACKAGE + "."), extension.toString());
            types.add(extension.get("type").asText());
        }
        assertEquals(List.of("ContentSource", "EventListener"), types, "started in the documented order");

        JsonNode source = plugin.get("sources").get(0);
        assertEquals("hello", source.get("sourceId").asText());
        assertEquals("ok", source.get("state").asText(), source.toString());
        assertEquals(2, source.get("articles").asInt(), source.toString());
        assertEquals(0, source.get("problems").size(), source.toString());
    }

    @Test
    @Order(1)
    void itsArticlesAreServedUnderTheSourceIdWithTheConfiguredGreeting() {
        JsonNode english = article("hello:welcome-en");
        assertEquals("How to use this help center", english.get("title").asText());
        assertEquals("en", english.get("locale").asText());
        assertTrue(english.get("html").asText().contains(GREETING), english.toString());

        JsonNode japanese = article("hello:welcome-ja");
        assertEquals("このヘルプセンターの使い方", japanese.get("title").asText());
        assertEquals("ja", japanese.get("locale").asText());
        assertEquals("はじめに", japanese.get("category").asText());
        String html = japanese.get("html").asText();
        assertTrue(html.contains(GREETING) && html.contains("<strong>文章のままでも</strong>"),
                "Markdown body with the greeting: " + html);

        List<String> ja = KotaeServer.ids(server.query("/api/v1/search", null,
                Map.of("q", "検索のしかた", "locale", "ja")).json().get("hits"));
        assertEquals("hello:welcome-ja", ja.isEmpty() ? null : ja.get(0), "found by its alternative question: " + ja);
    }

    @Test
    @Order(2)
    void theListenerReceivesSearchEvents() throws Exception {
        String nothing = "qzxwvplugh" + System.nanoTime();
        assertEquals(0, server.query("/api/v1/search", null, Map.of("q", nothing)).json().get("total").asLong());
        assertTrue(server.query("/api/v1/search", null, Map.of("q", "zephyr")).json().get("total").asLong() > 0);

        String logged = log.await(line -> line.contains("no results for \"" + nothing + "\""));
        assertTrue(logged.contains("locale all") && logged.contains("from api"), logged);
        assertFalse(log.lines().stream().anyMatch(line -> line.contains("no results for \"zephyr\"")),
                "searches with results are only counted: " + log.lines());

        String metrics = server.get("/metrics").body();
        for (String failure : List.of("kotae_event_subscriber_errors_total{subscriber=\"plugin-" + PLUGIN_ID + "\"}",
                "kotae_events_dropped_total{subscriber=\"plugin-" + PLUGIN_ID + "\"}",
                "kotae_plugin_failures_total{plugin=\"" + PLUGIN_ID + "\"}")) {
            assertFalse(metrics.contains(failure), failure + " in\n" + metrics);
        }
    }

    @Test
    @Order(3)
    void stoppingTheServerStopsTheExtensions() throws Exception {
        server.stop();
        server = null;
        String summary = log.await(line -> line.matches("hello-plugin: \\d+ searches, \\d+ without results"));
        long searches = Long.parseLong(summary.replaceAll("\\D*(\\d+) searches.*", "$1"));
        assertTrue(searches >= 3, "every search reached the listener: " + summary);
    }

    // --- building the example as its pom does ---------------------------------------------------------

    /** The {@code maven-jar-plugin} manifest entries of the example pom, {@code ${project.version}} filled in. */
    private static Map<String, String> pluginManifestEntries(Path pom) throws Exception {
        Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile())
                .getDocumentElement();
        String version = childText(project, "version");
        Element entries = (Element) project.getElementsByTagName("manifestEntries").item(0);
        assertNotNull(entries, "no manifestEntries in " + pom);
        Map<String, String> values = new LinkedHashMap<>();
        for (Node node = entries.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element entry) {
                values.put(entry.getTagName(), entry.getTextContent().strip().replace("${project.version}", version));
            }
        }
        return values;
    }

    private static String childText(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child && child.getTagName().equals(name)) {
                return child.getTextContent().strip();
            }
        }
        throw new AssertionError("no <" + name + "> in <" + parent.getTagName() + ">");
    }

    /**
     * Compiles the example against this test's class path (which has kotae-plugin-api, PF4J, Jackson and
     * SLF4J), with only PF4J as the annotation processor path, as the pom's {@code annotationProcessorPaths}.
     */
    private static Path compile(Path sources, Path classes) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "a JDK is needed to compile the example");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no sources in " + sources);
        String classPath = System.getProperty("java.class.path");
        String processorPath = Arrays.stream(classPath.split(File.pathSeparator))
                .filter(entry -> Path.of(entry).getFileName().toString().startsWith("pf4j-"))
                .collect(Collectors.joining(File.pathSeparator));
        assertFalse(processorPath.isEmpty(), "PF4J is not on the test class path: " + classPath);
        Files.createDirectories(classes);
        List<String> options = List.of("--release", "17", "-encoding", "UTF-8", "-Xlint:all,-processing,-path",
                "-Werror", "-classpath", classPath, "-processorpath", processorPath, "-d", classes.toString());
        StringWriter output = new StringWriter();
        try (StandardJavaFileManager fileManager = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            Iterable<? extends JavaFileObject> units = fileManager.getJavaFileObjectsFromPaths(files);
            boolean ok = javac.getTask(output, fileManager, null, options, null, units).call();
            assertTrue(ok, "the example does not compile cleanly:\n" + output);
        }
        Path index = classes.resolve("META-INF/extensions.idx");
        assertTrue(Files.isRegularFile(index), "PF4J's processor wrote no extensions.idx:\n" + output);
        String extensions = Files.readString(index);
        assertTrue(extensions.contains(EXAMPLE_PACKAGE + ".HelloSource")
                && extensions.contains(EXAMPLE_PACKAGE + ".SearchCounter"), extensions);
        return classes;
    }

    /** The plugin jar: the manifest from the pom, the compiled classes and any resources. */
    private void writeJar(Path classes, Path resources, Path jar) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifestEntries.forEach((name, value) -> manifest.getMainAttributes().putValue(name, value));
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            for (Path root : List.of(classes, resources)) {
                if (!Files.isDirectory(root)) {
                    continue;
                }
                try (Stream<Path> walk = Files.walk(root)) {
                    for (Path path : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
                        out.putNextEntry(new JarEntry(root.relativize(path).toString().replace(File.separatorChar, '/')));
                        Files.copy(path, out);
                        out.closeEntry();
                    }
                }
            }
        }
    }

    // --- helpers ----------------------------------------------------------------------------------------

    private JsonNode article(String id) {
        KotaeServer.Reply reply = server.get("/api/v1/articles/" + id);
        assertEquals(200, reply.status(), id + ": " + reply.body());
        return reply.json();
    }

    /** What the example's classes log, read through the server's logging backend (the plugin logs via SLF4J). */
    private static final class LogCapture extends AppenderBase<ILoggingEvent> {
        private final List<String> lines = new CopyOnWriteArrayList<>();
        private Logger logger;
        private Level previousLevel;

        void attach(String loggerName) {
            logger = (Logger) LoggerFactory.getLogger(loggerName);
            previousLevel = logger.getLevel();
            logger.setLevel(Level.INFO);
            setContext(logger.getLoggerContext());
            start();
            logger.addAppender(this);
        }

        void detach() {
            if (logger != null) {
                logger.detachAppender(this);
                logger.setLevel(previousLevel);
                stop();
            }
        }

        @Override
        protected void append(ILoggingEvent event) {
            lines.add(event.getFormattedMessage());
        }

        List<String> lines() {
            return List.copyOf(lines);
        }

        String await(Predicate<String> condition) {
            return Awaitility.await("the example plugin logs the expected line").atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> lines().stream().filter(condition).findFirst(), Optional::isPresent).get();
        }
    }
}

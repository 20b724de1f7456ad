package dev.kotae.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The pages' words: every UI language has every key, and every key a template or page asks for exists. */
class MessagesTest {

    /** {@code page.t("key")} or {@code page.t("key", args…)}; not {@code page.t("prefix." + x)}. */
    private static final Pattern TEMPLATE_KEY = Pattern.compile("page\\.t\\(\\s*\"([^\"]+)\"\\s*[,)]");
    /** {@code .text("key")} or {@code .text("key", args…)} in the page code. */
    private static final Pattern CODE_KEY = Pattern.compile("\\.text\\(\\s*\"([^\"]+)\"\\s*[,)]");
    private static final Path TEMPLATES = Path.of("src/main/jte");
    private static final Path SITE_CODE = Path.of("src/main/java/dev/kotae/site");

    @Test
    void japaneseAndEnglishHaveExactlyTheSameKeys() {
        Set<String> ja = Messages.of("ja").keys();
        Set<String> en = Messages.of("en").keys();
        assertFalse(ja.isEmpty(), "no Japanese messages loaded");
        Set<String> onlyJa = new TreeSet<>(ja);
        onlyJa.removeAll(en);
        Set<String> onlyEn = new TreeSet<>(en);
        onlyEn.removeAll(ja);
        assertTrue(onlyJa.isEmpty() && onlyEn.isEmpty(),
                () -> "only in ja: " + onlyJa + "; only in en: " + onlyEn);
    }

    @Test
    void everyLanguageIsLoadedAsItselfAndUnknownOnesFallBackToJapanese() {
        for (String language : Messages.LANGUAGES) {
            assertEquals(language, Messages.of(language).language());
        }
        assertEquals("ja", Messages.of("fr").language());
        assertEquals("ヘルプセンター", Messages.of("ja").text("site.name"));
        assertEquals("Help Center", Messages.of("en").text("site.name"));
    }

    @Test
    void noMessageIsBlank() {
        for (String language : Messages.LANGUAGES) {
            Messages messages = Messages.of(language);
            for (String key : messages.keys()) {
                assertFalse(messages.text(key).isBlank(), language + ": " + key + " is blank");
            }
        }
    }

    @Test
    void argumentsFillPlaceholdersAndApostrophesStayLiteral() {
        assertEquals("Results for \"返金\"", Messages.of("en").text("search.title", "返金"));
        assertEquals("1–10 of 42 articles", Messages.of("en").text("search.countRange", 42, 1, 10));
        assertTrue(Messages.of("en").text("footer.text").contains("Can't"));
        assertEquals("no.such.key", Messages.of("en").text("no.such.key"));
    }

    @Test
    void everyKeyUsedInTheTemplatesExists() throws IOException {
        Map<String, Set<String>> used = keysIn(TEMPLATES, ".jte", TEMPLATE_KEY);
        assertTrue(used.size() >= 20, () -> "too few template keys found (is the scan broken?): " + used.keySet());
        assertMissing(used);
    }

    @Test
    void everyLiteralKeyThePageCodeAsksForExists() throws IOException {
        Map<String, Set<String>> used = keysIn(SITE_CODE, ".java", CODE_KEY);
        assertTrue(used.containsKey("home.lead") && used.containsKey("login.title"),
                () -> "code scan found " + used.keySet());
        assertMissing(used);
    }

    @Test
    void keysTheCodeBuildsFromValuesExist() {
        Set<String> keys = Messages.of("ja").keys();
        // HelpCenterPages: "type." + hit type, "locale." + locale, "facet." + facet name.
        for (String key : List.of("type.faq", "type.playbook", "locale.ja", "locale.en", "facet.category",
                "facet.tags", "facet.type", "facet.locale")) {
            assertTrue(keys.contains(key), key);
        }
        // Site.error and error.jte: a title for each status shown, a text for all but 400.
        for (int status : List.of(400, 403, 404, 500)) {
            assertTrue(keys.contains("error." + status + ".title"), "error." + status + ".title");
            if (status != 400) {
                assertTrue(keys.contains("error." + status + ".text"), "error." + status + ".text");
            }
        }
    }

    private static void assertMissing(Map<String, Set<String>> used) {
        for (String language : Messages.LANGUAGES) {
            Set<String> keys = Messages.of(language).keys();
            Map<String, Set<String>> missing = new TreeMap<>(used);
            missing.keySet().removeAll(keys);
            assertTrue(missing.isEmpty(), () -> language + " lacks " + missing);
        }
    }

    /** Each literal key found, with the files that use it. */
    private static Map<String, Set<String>> keysIn(Path folder, String suffix, Pattern pattern) throws IOException {
        assertTrue(Files.isDirectory(folder), () -> folder.toAbsolutePath() + " not found");
        Map<String, Set<String>> used = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList()) {
                Matcher matcher = pattern.matcher(Files.readString(file));
                while (matcher.find()) {
                    used.computeIfAbsent(matcher.group(1), k -> new TreeSet<>()).add(file.getFileName().toString());
                }
            }
        }
        return used;
    }
}

package dev.kotae.source.zendesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.plugin.testkit.FakePluginContext;
import dev.kotae.source.zendesk.ZendeskSettings.CategoryFrom;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The settings as the server binds them: defaults and checks in the record, unknown keys and wrong types refused. */
class ZendeskSettingsTest {

    /** How the server's binding (which the test kit runs) names this plugin's settings block. */
    private static final String SETTINGS = "plugins." + ZendeskContentSource.PLUGIN_ID + ": ";

    private static ZendeskSettings bind(Map<String, Object> raw) {
        return new FakePluginContext(ZendeskContentSource.PLUGIN_ID, Path.of("/srv/kotae"))
                .withSettings(raw).settings(ZendeskSettings.class);
    }

    /** The message of settings the binding refuses. */
    private static String refused(Map<String, Object> raw) {
        return assertThrows(IllegalArgumentException.class, () -> bind(raw)).getMessage();
    }

    @Test
    void defaults() {
        ZendeskSettings settings = bind(Map.of("folder", " exports/zendesk "));

        assertEquals("zendesk", settings.sourceId());
        assertEquals("exports/zendesk", settings.folder());
        assertEquals(Map.of(), settings.locales());
        assertEquals(CategoryFrom.SECTION, settings.categoryFrom());
    }

    @Test
    void everySetting() {
        ZendeskSettings settings = bind(Map.of(
                "sourceId", "zd-ja",
                "folder", "/srv/zendesk",
                "locales", Map.of("EN-us", "en", "ja", "ja"),
                "categoryFrom", "Category"));

        assertEquals("zd-ja", settings.sourceId());
        assertEquals("/srv/zendesk", settings.folder());
        assertEquals(Map.of("en-us", "en", "ja", "ja"), settings.locales());
        assertEquals(CategoryFrom.CATEGORY, settings.categoryFrom());
    }

    @Test
    void defaultLocaleIsThePrimarySubtag() {
        ZendeskSettings settings = bind(Map.of("folder", "x"));

        assertEquals("en", settings.localeFor("en-us"));
        assertEquals("pt", settings.localeFor("pt-BR"));
        assertEquals("ja", settings.localeFor("ja"));
        assertEquals("zh", settings.localeFor("zh_tw"));
        assertNull(settings.localeFor(null));
        assertNull(settings.localeFor(" "));
    }

    @Test
    void mappingWinsOverTheRule() {
        ZendeskSettings settings = bind(Map.of("folder", "x", "locales", Map.of("pt-br", "pt-BR")));

        assertEquals("pt-BR", settings.localeFor("PT-BR"));
        assertEquals("pt", settings.localeFor("pt-pt"));
    }

    @Test
    void unknownKeyIsRefusedNamingIt() {
        String message = refused(Map.of("folder", "x", "categoryfrom", "section"));

        assertTrue(message.contains("categoryfrom"), message);
    }

    @Test
    void badCategoryFrom() {
        assertEquals("plugins.source-zendesk.categoryFrom: categoryFrom must be 'section' or 'category', not 'label'",
                refused(Map.of("folder", "x", "categoryFrom", "label")));
    }

    @Test
    void folderIsRequired() {
        assertTrue(refused(Map.of("sourceId", "zendesk")).startsWith(SETTINGS + "folder is required"));
        assertTrue(refused(Map.of("folder", " ")).startsWith(SETTINGS + "folder is required"));
    }

    @Test
    void badSourceId() {
        assertEquals(SETTINGS + "sourceId must be 1-32 lower-case letters, digits or '-', not 'Zendesk JA'",
                refused(Map.of("folder", "x", "sourceId", "Zendesk JA")));
    }

    @Test
    void wrongShapeNamesTheSetting() {
        String message = refused(Map.of("folder", "x", "locales", List.of("ja", "en")));

        assertTrue(message.contains("locales"), message);
    }

    @Test
    void blankLocaleTargetIsRejected() {
        Map<String, Object> locales = new HashMap<>();
        locales.put("ja", "");

        assertEquals(SETTINGS + "locales: every entry needs a Zendesk locale and a Kotae locale, got ja: ",
                refused(Map.of("folder", "x", "locales", locales)));
    }

    @Test
    void localeMappedTwiceIsRejected() {
        Map<String, Object> locales = new LinkedHashMap<>();
        locales.put("en-us", "en");
        locales.put("EN-US", "en-US");

        assertEquals(SETTINGS + "locales: 'en-us' is mapped twice", refused(Map.of("folder", "x", "locales", locales)));
    }

    @Test
    void noSettingsAtAllNamesTheFolder() {
        assertTrue(refused(Map.of()).contains("folder is required"), refused(Map.of()));
    }
}

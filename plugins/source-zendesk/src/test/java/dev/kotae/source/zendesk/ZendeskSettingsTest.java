package dev.kotae.source.zendesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.source.zendesk.ZendeskSettings.CategoryFrom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ZendeskSettingsTest {

    @Test
    void defaults() {
        ZendeskSettings settings = ZendeskSettings.from(Map.of("folder", " exports/zendesk "));

        assertEquals("zendesk", settings.sourceId());
        assertEquals("exports/zendesk", settings.folder());
        assertEquals(Map.of(), settings.locales());
        assertEquals(CategoryFrom.SECTION, settings.categoryFrom());
    }

    @Test
    void everySetting() {
        ZendeskSettings settings = ZendeskSettings.from(Map.of(
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
        ZendeskSettings settings = ZendeskSettings.from(Map.of("folder", "x"));

        assertEquals("en", settings.localeFor("en-us"));
        assertEquals("pt", settings.localeFor("pt-BR"));
        assertEquals("ja", settings.localeFor("ja"));
        assertEquals("zh", settings.localeFor("zh_tw"));
        assertNull(settings.localeFor(null));
        assertNull(settings.localeFor(" "));
    }

    @Test
    void mappingWinsOverTheRule() {
        ZendeskSettings settings = ZendeskSettings.from(Map.of("folder", "x", "locales", Map.of("pt-br", "pt-BR")));

        assertEquals("pt-BR", settings.localeFor("PT-BR"));
        assertEquals("pt", settings.localeFor("pt-pt"));
    }

    @Test
    void unknownKeyIsNamedWithTheKnownOnes() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ZendeskSettings.from(Map.of("folder", "x", "categoryfrom", "section")));

        assertEquals("plugins.source-zendesk: unknown setting 'categoryfrom'; known settings: "
                + "sourceId, folder, locales, categoryFrom", error.getMessage());
    }

    @Test
    void badCategoryFrom() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ZendeskSettings.from(Map.of("folder", "x", "categoryFrom", "label")));

        assertTrue(error.getMessage().contains("categoryFrom must be 'section' or 'category', not 'label'"),
                error.getMessage());
    }

    @Test
    void folderIsRequired() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ZendeskSettings.from(Map.of("sourceId", "zendesk")));

        assertTrue(error.getMessage().startsWith("plugins.source-zendesk: folder is required"), error.getMessage());
    }

    @Test
    void badSourceId() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ZendeskSettings.from(Map.of("folder", "x", "sourceId", "Zendesk JA")));

        assertTrue(error.getMessage().contains("sourceId must be 1-32 lower-case letters"), error.getMessage());
    }

    @Test
    void wrongShapeNamesTheSetting() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ZendeskSettings.from(Map.of("folder", "x", "locales", List.of("ja", "en"))));

        assertTrue(error.getMessage().contains("'locales'"), error.getMessage());
    }

    @Test
    void blankLocaleTargetIsRejected() {
        Map<String, Object> locales = new HashMap<>();
        locales.put("ja", "");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ZendeskSettings.from(Map.of("folder", "x", "locales", locales)));

        assertTrue(error.getMessage().contains("locales:"), error.getMessage());
    }

    @Test
    void noSettingsAtAllNamesTheFolder() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> ZendeskSettings.from(null));

        assertTrue(error.getMessage().contains("folder is required"), error.getMessage());
    }
}

package dev.kotae.contact.destination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Reading a {@code zendesk} destination's settings: defaults, https, and a clear refusal of every mistake. */
class ZendeskSettingsTest {

    private static Map<String, String> minimal() {
        Map<String, String> settings = new HashMap<>();
        settings.put("baseUrl", "https://example.zendesk.com/");
        settings.put("email", "agent@example.com");
        settings.put("apiToken", "tok-secret-123");
        return settings;
    }

    private static String refusal(Map<String, String> settings) {
        return assertThrows(IllegalArgumentException.class, () -> ZendeskSettings.parse("tickets", settings)).getMessage();
    }

    @Test
    void defaults() {
        ZendeskSettings settings = ZendeskSettings.parse("tickets", minimal());
        assertEquals(URI.create("https://example.zendesk.com"), settings.baseUrl(), "no trailing slash");
        assertEquals(OptionalLong.empty(), settings.groupId());
        assertEquals(List.of("kotae"), settings.tags());
        assertEquals(Duration.ofSeconds(10), settings.timeout());
    }

    @Test
    void tagsAreZendesksLowerCaseWordsWithoutDuplicates() {
        Map<String, String> map = minimal();
        map.put("tags", "Kotae, web_form, kotae,");
        assertEquals(List.of("kotae", "web_form"), ZendeskSettings.parse("tickets", map).tags());
        map.put("tags", "two words");
        assertTrue(refusal(map).contains("tags"), refusal(map));
    }

    @Test
    void theTokenTravelsOnlyOverHttpsOrToThisMachine() {
        Map<String, String> map = minimal();
        for (String local : new String[] {"http://127.0.0.1:8089", "http://localhost:8089/", "http://[::1]:8089"}) {
            map.put("baseUrl", local);
            ZendeskSettings.parse("tickets", map);
        }
        for (String bad : new String[] {"http://example.zendesk.com", "example.zendesk.com", "ftp://example.com",
                "https://user:pw@example.zendesk.com", "https://example.zendesk.com/?x=1", "https://"}) {
            map.put("baseUrl", bad);
            assertTrue(refusal(map).contains("baseUrl"), bad + ": " + refusal(map));
        }
    }

    @Test
    void refusesMissingUnknownAndBadValuesByNameWithoutTheToken() {
        for (String key : new String[] {"baseUrl", "email", "apiToken"}) {
            Map<String, String> map = minimal();
            map.remove(key);
            assertTrue(refusal(map).contains(key + " is required"), refusal(map));
        }
        Map<String, String> typo = minimal();
        typo.put("apiTokn", "x");
        assertTrue(refusal(typo).contains("unknown setting(s) [apiTokn]"), refusal(typo));
        for (String[] bad : new String[][] {{"groupId", "sales"}, {"groupId", "-4"}, {"email", "agent"},
                {"timeoutSeconds", "301"}, {"apiToken", "tok secret"}}) {
            Map<String, String> map = minimal();
            map.put(bad[0], bad[1]);
            String message = refusal(map);
            assertTrue(message.contains(bad[0]), message);
            assertFalse(message.contains("tok-secret-123"), message);
        }
        assertFalse(ZendeskSettings.parse("tickets", minimal()).toString().contains("tok-secret-123"));
    }
}

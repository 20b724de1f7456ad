package dev.kotae.contact.destination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.contact.destination.SmtpSettings.Tls;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading an {@code smtp} destination's settings: defaults, and a clear refusal of every mistake. */
class SmtpSettingsTest {

    private static Map<String, String> minimal() {
        Map<String, String> settings = new HashMap<>();
        settings.put("type", "smtp");
        settings.put("host", "smtp.example.com");
        settings.put("from", "help@example.com");
        settings.put("to", "support@example.com");
        return settings;
    }

    private static String refusal(Map<String, String> settings) {
        return assertThrows(IllegalArgumentException.class, () -> SmtpSettings.parse("mail", settings)).getMessage();
    }

    @Test
    void defaultsToStartTlsOnPort587WithoutLogin() {
        SmtpSettings settings = SmtpSettings.parse("mail", minimal());
        assertEquals(Tls.STARTTLS, settings.tls());
        assertEquals(587, settings.port());
        assertNull(settings.username());
        assertNull(settings.password());
        assertEquals(Duration.ofSeconds(10), settings.timeout());
        assertEquals(List.of("support@example.com"), settings.to());
    }

    @Test
    void readsEverySetting() {
        Map<String, String> map = minimal();
        map.put("tls", "TLS");
        map.put("username", "kotae");
        map.put("password", " spaces are kept ");
        map.put("to", "a@example.com, b@example.com,");
        map.put("timeoutSeconds", "30");
        SmtpSettings settings = SmtpSettings.parse("mail", map);
        assertEquals(Tls.TLS, settings.tls());
        assertEquals(465, settings.port(), "the TLS port unless one is given");
        assertEquals(" spaces are kept ", settings.password());
        assertEquals(List.of("a@example.com", "b@example.com"), settings.to());
        assertEquals(Duration.ofSeconds(30), settings.timeout());
        map.put("tls", "none");
        map.put("port", "2525");
        assertEquals(2525, SmtpSettings.parse("mail", map).port());
    }

    @Test
    void refusesMissingUnknownAndBadValuesByName() {
        Map<String, String> noHost = minimal();
        noHost.remove("host");
        assertTrue(refusal(noHost).startsWith("contact destination 'mail' (smtp): host is required"), refusal(noHost));

        Map<String, String> typo = minimal();
        typo.put("hots", "x");
        assertTrue(refusal(typo).contains("unknown setting(s) [hots]"), refusal(typo));

        for (String[] bad : new String[][] {{"port", "0"}, {"port", "smtp"}, {"tls", "ssl"}, {"timeoutSeconds", "0"},
                {"host", "smtp.example.com:587"}, {"host", "smtp://smtp.example.com"}, {"from", "Help <help@example.com>"},
                {"to", "support@example.com, not an address"}, {"to", " , "}}) {
            Map<String, String> settings = minimal();
            settings.put(bad[0], bad[1]);
            assertTrue(refusal(settings).contains(bad[0]), bad[0] + "=" + bad[1] + ": " + refusal(settings));
        }
    }

    @Test
    void usernameAndPasswordGoTogetherAndThePasswordIsNeverShown() {
        Map<String, String> onlyPassword = minimal();
        onlyPassword.put("password", "hunter2-secret");
        String message = refusal(onlyPassword);
        assertTrue(message.contains("username and password go together"), message);
        assertFalse(message.contains("hunter2-secret"), message);

        Map<String, String> both = minimal();
        both.put("username", "kotae");
        both.put("password", "hunter2-secret");
        String shown = SmtpSettings.parse("mail", both).toString();
        assertFalse(shown.contains("hunter2-secret"), shown);
        assertTrue(shown.contains("password=***"), shown);
    }

    @Test
    void aDestinationNeedsAName() {
        assertThrows(IllegalArgumentException.class, () -> SmtpDestination.fromSettings(" ", minimal()));
    }
}

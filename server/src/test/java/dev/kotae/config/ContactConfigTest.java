package dev.kotae.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.contact.ContactDestinations;
import dev.kotae.contact.Destination;
import dev.kotae.contact.Priority;
import dev.kotae.contact.destination.SmtpDestination;
import dev.kotae.contact.destination.ZendeskDestination;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code contact:} in kotae.yml: read as documented, refused with a message naming what is wrong. */
class ContactConfigTest {

    @TempDir
    Path dir;

    private KotaeConfig load(String yaml) throws IOException {
        Path file = dir.resolve("kotae.yml");
        Files.writeString(file, yaml);
        return ConfigLoader.load(file, Map.of());
    }

    @Test
    void theBundledDefaultIsOnWithThreeCategoriesAndNoDestination() throws IOException {
        ContactConfig contact = load("port: 8080\n").contact();
        assertTrue(contact.enabled());
        assertEquals(List.of("billing", "account", "other"), contact.categories().stream().map(c -> c.id()).toList());
        assertEquals("high", contact.category("billing").priority());
        assertEquals("請求・支払い", contact.category("billing").label("ja"));
        assertEquals("Billing", contact.category("billing").label("en"));
        assertTrue(contact.destinations().isEmpty());
    }

    @Test
    void categoriesAndDestinationsAreReadAndSecretsNeverShown() throws IOException {
        ContactConfig contact = load("""
                contact:
                  submissionsPerMinutePerClient: 3
                  categories:
                    - id: outage
                      label: {ja: 障害, en: Outage}
                      priority: urgent
                      destinations: [oncall, archive]
                    - id: other
                      label: その他
                      priority: low
                  destinations:
                    oncall:
                      type: webhook
                      format: slack
                      url: https://hooks.slack.com/services/T0/B0/secret-path
                    archive:
                      type: webhook
                      url: https://tickets.example.com/in
                      secretHeader: X-Token
                      secret: very-secret
                """).contact();
        assertEquals(3, contact.submissionsPerMinutePerClient());
        assertEquals("urgent", contact.category("outage").priority());
        assertEquals(List.of("oncall", "archive"), contact.category("outage").destinations());
        assertEquals("その他", contact.category("other").label("en"));
        assertEquals("webhook", contact.destinations().get("oncall").type());
        assertEquals("slack", contact.destinations().get("oncall").settings().get("format"));
        assertFalse(contact.toString().contains("very-secret") || contact.toString().contains("secret-path"),
                contact::toString);
        assertEquals(2, ContactDestinations.build(contact).size());
    }

    @Test
    void thePrioritiesAreExactlyThoseOfTheContactSeam() {
        assertEquals(java.util.Arrays.stream(Priority.values()).map(Priority::key).toList(), ContactConfig.PRIORITIES);
    }

    @Test
    void mistakesAreRefusedNamingTheSetting() {
        assertTrue(message("contact:\n  categorie: []\n").contains("contact.categorie is not a setting"));
        assertTrue(message("""
                contact:
                  categories:
                    - {id: a, label: A, priority: high, destinations: [nowhere]}
                """).contains("no destination named 'nowhere'"));
        assertTrue(message("""
                contact:
                  categories:
                    - {id: a, label: A, priority: soon}
                """).contains("priority must be low, normal, high or urgent"));
        assertTrue(message("""
                contact:
                  categories:
                    - {id: Bad Id, label: A, priority: low}
                """).contains(".id must be"));
        assertTrue(message("contact:\n  destinations:\n    x: {url: http://h/}\n").contains("needs a type"));
    }

    @Test
    void anUnknownDestinationTypeStopsStartUpNamingIt() throws IOException {
        ContactConfig contact = load("""
                contact:
                  destinations:
                    desk: {type: fax, number: 123}
                """).contact();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ContactDestinations.build(contact));
        assertEquals("contact.destinations.desk: unknown type 'fax' (known: webhook, smtp, zendesk)", e.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ContactDestinations.build(load("""
                contact:
                  destinations:
                    hook: {type: webhook}
                """).contact())).getMessage().contains("contact.destinations.hook: url is required"));
    }

    @Test
    void mailAndTicketDestinationsAreBuiltFromTheFileAsWritten() throws IOException {
        Map<String, Destination> built = ContactDestinations.build(load("""
                contact:
                  destinations:
                    mail: {type: smtp, host: 127.0.0.1, port: 2525, tls: none, from: help@example.com,
                           to: [desk@example.com, lead@example.com]}
                    desk: {type: zendesk, baseUrl: "https://example.zendesk.com", email: agent@example.com,
                           apiToken: t0ken, timeoutSeconds: 5}
                """).contact());
        assertEquals(java.util.Set.of("mail", "desk"), built.keySet());
        assertTrue(built.get("mail") instanceof SmtpDestination, built.toString());
        assertTrue(built.get("desk") instanceof ZendeskDestination, built.toString());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ContactDestinations.build(load("""
                contact:
                  destinations:
                    mail: {type: smtp, host: 127.0.0.1, port: none, from: help@example.com, to: desk@example.com}
                """).contact())).getMessage().startsWith("contact.destinations.mail: "));
    }

    private String message(String yaml) {
        return assertThrows(IOException.class, () -> load(yaml)).getMessage();
    }
}

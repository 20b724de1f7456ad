package dev.kotae.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.plugin.ClickEvent;
import dev.kotae.plugin.SearchEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who an event came from travels beside it through the journal (lines written before it existed read as
 * unknown); client addresses are kept only as keyed hashes; automated requests are told apart.
 */
class RequesterTest {

    private static final Instant AT = Instant.parse("2026-11-02T09:00:00Z");

    @TempDir
    Path folder;

    @Test
    void theRequesterIsJournaledBesideTheEventAndOldLinesReadAsUnknown() throws Exception {
        LossCounters losses = LossCounters.load(folder.resolve("losses.properties"));
        SearchEvent search = new SearchEvent(AT, "session-0001", "返金", "ja", 12,
                List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j"), "api");
        ClickEvent click = new ClickEvent(AT, "session-0001", "返金", "b", 2);
        Requester agent = new Requester(Requester.AGENTS, "hashed-address", true);
        try (EventJournal journal = EventJournal.open(folder, 1L << 30, Duration.ofSeconds(1), losses)) {
            journal.append(search, agent);
            journal.append(click);
        }
        Path segment;
        try (var files = Files.list(folder)) {
            segment = files.filter(f -> f.toString().endsWith(".journal")).findFirst().orElseThrow();
        }
        // A line as servers before this version wrote it: no requester fields.
        Files.writeString(segment, "{\"t\":\"click\",\"at\":\"" + AT + "\",\"s\":\"session-0002\",\"a\":\"c\",\"r\":3}\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        try (EventJournal journal = EventJournal.open(folder, 1L << 30, Duration.ofSeconds(1), losses)) {
            List<RecordedEvent> read = journal.read(EventJournal.Position.START, 10).entries();
            assertEquals(3, read.size());
            assertEquals(new RecordedEvent(search, agent), read.get(0));
            assertEquals(10, ((SearchEvent) read.get(0).event()).topIds().size());
            assertEquals(new RecordedEvent(click, Requester.UNKNOWN), read.get(1));
            assertEquals(Requester.UNKNOWN, read.get(2).requester());
        }
        assertEquals(0, losses.lost());
    }

    @Test
    void addressesAreKeptAsKeyedHashesOnly() {
        ClientAddresses addresses = new ClientAddresses("key-one".getBytes(StandardCharsets.UTF_8));
        String hash = addresses.hash("203.0.113.7");
        assertEquals(22, hash.length());
        assertFalse(hash.contains("203"), hash);
        assertEquals(hash, addresses.hash("203.0.113.7"), "the same address, the same hash");
        assertNotEquals(hash, addresses.hash("203.0.113.8"), "distinct addresses stay distinct");
        assertNotEquals(hash, new ClientAddresses("key-two".getBytes(StandardCharsets.UTF_8)).hash("203.0.113.7"),
                "without the key a guess cannot be confirmed");
        assertNull(addresses.hash(null));
    }

    @Test
    void crawlersScriptsAndPrefetchesLookAutomatedBrowsersAndJavasClientDoNot() {
        for (String agent : List.of("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
                "Mozilla/5.0 (compatible; bingbot/2.0)", "curl/8.4.0", "python-requests/2.31", "Wget/1.21",
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0",
                "facebookexternalhit/1.1", "Go-http-client/2.0")) {
            assertTrue(ClientAddresses.looksAutomated(agent, null, null), agent);
        }
        for (String agent : List.of("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
                + " Chrome/120.0 Safari/537.36", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15"
                + " (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1", "Java-http-client/17.0.9")) {
            assertFalse(ClientAddresses.looksAutomated(agent, null, null), agent);
        }
        assertTrue(ClientAddresses.looksAutomated("Mozilla/5.0 Chrome/120", "prefetch;prerender", null));
        assertTrue(ClientAddresses.looksAutomated("Mozilla/5.0 Chrome/120", null, "prefetch"));

        ClientAddresses addresses = new ClientAddresses(new byte[32]);
        Requester anonymous = addresses.requester(false, "10.0.0.1", Map.of("User-Agent", "curl/8.4.0")::get);
        assertEquals(Requester.PUBLIC, anonymous.audience());
        assertTrue(anonymous.automated());
        assertEquals(addresses.hash("10.0.0.1"), anonymous.client());
        assertEquals(Requester.AGENTS, addresses.requester(true, "10.0.0.1", name -> null).audience());
    }
}

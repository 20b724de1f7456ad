package dev.kotae.web;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code content/synonyms.txt} over HTTP: the bundled rules find the sample articles, and a line added to
 * the file changes what a search answers within two seconds, without a restart; a broken file keeps the
 * rules before and is reported; a synonym never shows the public what only agents may see.
 */
class SynonymsIT extends SampleServerIT {

    /**
     * The promise: an added line changes results within 2 s. Asserted once, on the added line; the
     * reload takes well under a tenth of that here (printed), so the bound holds on a loaded machine too.
     */
    private static final Duration PROMISED = Duration.ofSeconds(2);
    /** For the other changes, only that they are served: how soon is the promise's business. */
    private static final Duration SERVED = Duration.ofSeconds(30);

    private Path file;
    private String bundled;

    @BeforeEach
    void bundledFile() throws Exception {
        file = server.content().resolve("synonyms.txt");
        bundled = Files.readString(file, StandardCharsets.UTF_8);
    }

    /** Puts the bundled file back for the next test, failing on its own (never masking the test's failure). */
    @AfterEach
    void bundledFileBack() throws Exception {
        Files.writeString(file, bundled, StandardCharsets.UTF_8);
        within(SERVED, "the bundled synonyms are back", () -> !server.searchIds("解約", null).isEmpty());
    }

    @ParameterizedTest
    @CsvSource({"解約, delete-account", "レシート, receipt-invoice", "ニュースレター, newsletter",
        "reimburse, refunds", "parcel, track-your-package", "postage, shipping-rates",
        "deactivate, close-account", "faulty, damaged-or-wrong-items"})
    void theBundledSynonymsFindTheSampleArticles(String query, String expected) {
        List<String> ids = server.searchIds(query, null);
        assertFalse(ids.isEmpty(), query + " finds something");
        assertTrue(ids.subList(0, Math.min(3, ids.size())).stream().anyMatch(id -> id.startsWith(expected)),
                query + " finds " + expected + " in the top 3: " + ids);
    }

    @Test
    void anAddedLineChangesResultsWithoutARestartAndABrokenFileKeepsTheRulesBefore() throws Exception {
        assertEquals(List.of(), server.searchIds("脱会", null), "no article says 脱会");
        assertEquals(List.of(), server.searchIds("脱会", null), "asked twice: the answer is kept");

        append(file, "脱会, 退会\n");
        within(PROMISED, "the added line is used", () -> server.searchIds("脱会", null).indexOf("delete-account") == 0);

        append(file, "脱会 => 退会 => 会員\n");
        within(SERVED, "the broken file is reported", () -> problems().contains("synonyms.txt"));
        assertTrue(problems().contains("line ") && problems().contains("loaded before are used"), problems());
        assertEquals(1.0, server.metric("kotae_content_problems"));
        assertEquals("delete-account", server.searchIds("脱会", null).get(0), "the rules before stay in use");

        Files.writeString(file, bundled, StandardCharsets.UTF_8);
        within(SERVED, "the fixed file is used and no longer reported",
                () -> server.searchIds("脱会", null).isEmpty() && !problems().contains("synonyms.txt"));

        Files.delete(file);
        within(SERVED, "a deleted file is no synonyms", () -> server.searchIds("解約", null).isEmpty());
    }

    @Test
    void aSynonymShowsThePublicNothingOnlyAgentsMaySee() throws Exception {
        assertEquals(List.of(), server.searchIds("dispute", KotaeServer.AGENT_TOKEN), "no article says dispute");
        append(file, "dispute => チャージバック\n");
        within(SERVED, "the synonym finds the playbook for agents",
                () -> server.searchIds("dispute", KotaeServer.AGENT_TOKEN).contains("chargeback-handling"));
        assertFalse(server.searchIds("dispute", null).contains("chargeback-handling"));
        assertFalse(server.suggestIds("dispute", null).contains("chargeback-handling"));
        JsonNode publicAnswer = server.query("/api/v1/search", null, java.util.Map.of("q", "dispute")).json();
        assertFalse(publicAnswer.toString().contains("チャージバック"), publicAnswer.toString());
    }

    private static String problems() {
        return server.get("/api/v1/admin/status", KotaeServer.ADMIN_TOKEN).json().get("content").get("problems")
                .toString();
    }

    private static void append(Path file, String line) throws Exception {
        Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    /** Waits at most {@code limit} for the change to be served, printing how long it took. */
    private static void within(Duration limit, String what, Callable<Boolean> condition) {
        long start = System.nanoTime();
        await(what).atMost(limit).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20)).until(condition);
        System.out.println(what + ": after " + (System.nanoTime() - start) / 1_000_000 + " ms");
    }
}

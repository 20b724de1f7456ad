package dev.kotae.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * Files added, changed or deleted under the content folder are served without a restart. How soon is a
 * speed figure, measured by the benchmark ("Changed file searchable", target within a second at 100k);
 * here the time each change took is printed, never asserted.
 */
class LiveReloadIT extends SampleServerIT {

    @Test
    void addedChangedAndDeletedFilesAreSearchableWithoutARestart() throws Exception {
        Path file = server.content().resolve("ja/new-topic/gift-card.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                ---
                title: ギフトカードの使い方
                category: お支払い
                questions: [ギフトカードは使えますか]
                ---
                ギフトカードはお支払い画面でコードを入力すると利用できます。""", StandardCharsets.UTF_8);
        within("added file is searchable", () -> server.searchIds("ギフトカード", null).contains("gift-card"));

        Files.writeString(file, """
                ---
                title: 商品券の使い方
                category: お支払い
                ---
                商品券は注文画面で番号を入力すると利用できます。""", StandardCharsets.UTF_8);
        within("changed file is re-indexed", () -> server.searchIds("商品券", null).contains("gift-card"));
        assertFalse(server.searchIds("ギフトカード", null).contains("gift-card"), "old text must be gone");

        Files.delete(file);
        within("deleted file is gone", () -> server.get("/api/v1/articles/gift-card").status() == 404);
        assertFalse(server.searchIds("商品券", null).contains("gift-card"));
    }

    @Test
    void brokenFileIsReportedWhileEverythingElseIsServed() throws Exception {
        Path broken = server.content().resolve("ja/broken-article.md");
        Files.writeString(broken, "---\ntitle: [unclosed\nvisiblity: internal\n---\n本文", StandardCharsets.UTF_8);
        Path wrongEncoding = server.content().resolve("en/shift-jis.md");
        Files.write(wrongEncoding, "---\ntitle: 返金\n---\n返金".getBytes("Shift_JIS"));
        within("broken files are reported", () -> {
            String problems = server.get("/api/v1/admin/status", KotaeServer.ADMIN_TOKEN).json()
                    .get("content").get("problems").toString();
            return problems.contains("ja/broken-article.md") && problems.contains("en/shift-jis.md");
        });
        JsonNode status = server.get("/api/v1/admin/status", KotaeServer.ADMIN_TOKEN).json();
        assertTrue(status.get("content").get("problems").toString().contains("UTF-8"), status.toString());
        assertEquals("refund-timing", server.searchIds("返金の時期", null).get(0));

        Files.writeString(broken, "---\ntitle: 直った記事\n---\n本文です。直りました。", StandardCharsets.UTF_8);
        within("fixed file is served and no longer reported", () -> server.get("/api/v1/articles/broken-article").status() == 200
                && !server.get("/api/v1/admin/status", KotaeServer.ADMIN_TOKEN).body().contains("broken-article.md"));
        Files.delete(wrongEncoding);
        Files.delete(broken);
    }

    @Test
    void duplicateIdIsReportedAndTheFirstPathKeepsServing() throws Exception {
        Path copy = server.content().resolve("zz-copy.md");
        Files.writeString(copy, "---\nid: refund-timing\ntitle: 偽物の返金記事\n---\n偽物", StandardCharsets.UTF_8);
        within("duplicate is reported", () -> server.get("/api/v1/admin/status", KotaeServer.ADMIN_TOKEN).body()
                .contains("duplicate id 'refund-timing'"));
        assertEquals("返金の時期と方法", server.get("/api/v1/articles/refund-timing").json().get("title").asText());
        Files.delete(copy);
    }

    /** Waits for the change to be served, printing how long it took. */
    private static void within(String what, Callable<Boolean> condition) {
        KotaeServer.timeUntil(what, condition);
    }
}

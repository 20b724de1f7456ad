package dev.kotae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kotae.config.KotaeConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A start that fails part-way releases what it had opened: above all the index's write lock, or the next
 * start in the same JVM (an embedding application, a supervisor that retries) finds the data folder "in
 * use by another Kotae server" although nothing runs.
 */
class FailedStartTest {

    @TempDir
    Path work;

    @Test
    void aStartThatFailsAfterTheIndexOpenedLeavesTheDataFolderFree() throws Exception {
        Path content = Files.createDirectories(work.resolve("content/en"));
        Files.writeString(content.resolve("refund.md"), "---\nid: refund\ntitle: Refunds\n---\nA refund takes a week.\n");
        KotaeConfig config = KotaeConfig.defaults().withContent(work.resolve("content")).withData(work.resolve("data"))
                .withHost("127.0.0.1").withPort(0);
        // A damaged file the analytics part reads after the index is open: start-up fails there.
        Path losses = Files.createDirectories(work.resolve("data/analytics-journal")).resolve("losses.properties");
        Files.writeString(losses, "lost=\\uZZZZ\n");
        assertThrows(IllegalArgumentException.class, () -> KotaeApp.start(config).close());

        Files.delete(losses);
        try (KotaeApp app = KotaeApp.start(config)) {
            assertEquals(1L, ((Map<?, ?>) app.admin().status().get("articles")).get("total"));
        }
    }
}

package dev.kotae;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.kotae.config.KotaeConfig;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jetty interrupts its threads when it stops. An admin reindex must not run on such a thread: an
 * interrupt inside the index's file I/O closes the index writer, and the server then failed to close and
 * lost what the reindex had not committed.
 */
class ReindexInterruptTest {

    private static final int ARTICLES = 3_000;

    @TempDir
    Path work;

    @Test
    void interruptingTheCallerLeavesTheReindexToFinish() throws Exception {
        Path content = Files.createDirectories(work.resolve("content/en"));
        for (int i = 0; i < ARTICLES; i++) {
            Files.writeString(content.resolve("a" + i + ".md"), "---\nid: a" + i + "\ntitle: Refund question " + i
                    + "\n---\nHow refunds work for order " + i + ". A refund takes up to seven days.\n");
        }
        KotaeConfig config = KotaeConfig.defaults().withContent(work.resolve("content")).withData(work.resolve("data"))
                .withHost("127.0.0.1").withPort(0);
        KotaeApp app = KotaeApp.start(config);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        // The caller is interrupted before it asks, so the interrupt is there whatever the machine's speed:
        // a reindex that ran on the caller's thread would meet it in its first file I/O, as it did when
        // Jetty interrupted a request thread mid-reindex. (Guessing a sleep that lands inside the reindex
        // was a bet on the machine's speed.) The wait starts right after the reindex is queued, long before
        // a reindex of 3,000 articles can be done.
        Thread caller = new Thread(() -> {
            Thread.currentThread().interrupt();
            try {
                app.admin().reindex();
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        caller.start();
        caller.join(TimeUnit.MINUTES.toMillis(1));
        assertFalse(caller.isAlive(), "the interrupted caller still waits for the reindex");
        assertInstanceOf(InterruptedIOException.class, thrown.get(), "the caller stopped waiting while it ran");

        assertDoesNotThrow(app::close, "the index closes cleanly after the reindex finished");
        try (KotaeApp reopened = KotaeApp.start(config)) {
            assertEquals((long) ARTICLES, ((Map<?, ?>) reopened.admin().status().get("articles")).get("total"));
        }
    }
}

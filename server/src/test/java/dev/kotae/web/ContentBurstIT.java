package dev.kotae.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Large files arriving together are read and indexed a bounded amount at a time, so the heap they need does
 * not grow with how many came at once: the jar, on a 160 MB heap, takes 30 files of 1.9 MB moved into its
 * folder in one step and serves every one. (Read all before any was indexed, the same burst ended the
 * process with {@code OutOfMemoryError} on 192 MB; with the rounds it fits in 128 MB.)
 */
class ContentBurstIT {

    private static final int FILES = 30;
    private static final int FILE_CHARS = 1_900_000;

    @TempDir
    Path work;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aBurstOfLargeFilesIsServedWithinABoundedHeap() throws Exception {
        Path content = work.resolve("content");
        KotaeServer.copyTree(KotaeServer.sampleContent(), content);
        Path log = work.resolve("kotae.log");
        Process server = JarProcess.start(List.of("-Xmx160m", "-XX:+ExitOnOutOfMemoryError"), content,
                work.resolve("data"), Map.of(), log);
        try {
            int port = JarProcess.awaitReady(server, log, client);
            Path staging = work.resolve("burst");
            Files.createDirectories(staging);
            String body = prose(FILE_CHARS);
            for (int i = 1; i <= FILES; i++) {
                Files.writeString(staging.resolve("burst-" + i + ".md"),
                        "---\nid: burst-" + i + "\ntitle: Burst " + i + "\n---\n\n" + body, StandardCharsets.UTF_8);
            }
            // One move: the watcher sees a new folder holding all of them.
            Files.move(staging, content.resolve("en").resolve("burst"), StandardCopyOption.ATOMIC_MOVE);

            Awaitility.await("every file of the burst served").atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(500)).until(() -> {
                        JarProcess.requireAlive(server, log);
                        return served(port) == FILES;
                    });
            JarProcess.requireAlive(server, log);
            assertEquals(200, status(port, "/api/v1/search?q=refund"), "still searching");
        } finally {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    private long served(int port) throws InterruptedException {
        long served = 0;
        for (int i = 1; i <= FILES; i++) {
            served += status(port, "/api/v1/articles/burst-" + i) == 200 ? 1 : 0;
        }
        return served;
    }

    /** The answer's status, or -1 when none came (the process has ended: the next poll says so, with its log). */
    private int status(int port, String path) throws InterruptedException {
        try {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    /** Ordinary prose of a help center's words, in paragraphs, {@code chars} long. */
    private static String prose(int chars) {
        String[] words = ("the customer asks how to get a refund for an order that was shipped late and the agent"
                + " explains where to find the invoice and how billing works for each account").split(" ");
        Random random = new Random(30);
        StringBuilder text = new StringBuilder(chars + 600);
        while (text.length() < chars) {
            for (int w = 0; w < 60; w++) {
                text.append(words[random.nextInt(words.length)]).append(w == 59 ? ".\n\n" : " ");
            }
        }
        return text.substring(0, chars);
    }
}

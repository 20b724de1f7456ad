package dev.kotae.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Time from saving an edited article to finding the edit through the running server's search: appends a
 * new word to a public article and searches for it every 2 ms until it is found.
 */
final class FileChanges {

    private static final Pattern TOTAL = Pattern.compile("\"total\":(\\d+)");
    private static final long GIVE_UP_MILLIS = 30_000;

    private final Path content;
    private final URI base;
    private final HttpClient client = HttpClient.newHttpClient();

    FileChanges(Path content, URI base) {
        this.content = content;
        this.base = base;
    }

    /** Edits {@code count} different articles one after the other; the delays in ms, sorted. */
    List<Long> measure(int count) throws IOException, InterruptedException {
        List<Path> articles = publicEnglishArticles(content, count);
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < articles.size(); i++) {
            String word = "zqedit" + i + "x" + Long.toString(System.nanoTime() % 1_000_000, 36);
            Path file = articles.get(i);
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Files.writeString(file, text + "\nEdited: " + word + "\n", StandardCharsets.UTF_8);
            long saved = System.nanoTime();
            while (total(word) == 0) {
                if (System.nanoTime() - saved > GIVE_UP_MILLIS * 1_000_000) {
                    throw new IOException("an edit of " + file + " was not searchable after " + GIVE_UP_MILLIS + " ms");
                }
                Thread.sleep(2);
            }
            delays.add((System.nanoTime() - saved) / 1_000_000);
            Thread.sleep(300); // let the watcher settle, so each edit is timed on its own
        }
        delays.sort(Long::compare);
        return delays;
    }

    /** The first {@code count} public English articles' files under {@code content}, in name order. */
    static List<Path> publicEnglishArticles(Path content, int count) throws IOException {
        try (Stream<Path> files = Files.walk(content.resolve("en"))) {
            List<Path> found = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                if (found.size() < count && Files.readString(file).contains("\nvisibility: public\n")) {
                    found.add(file);
                }
            }
            if (found.isEmpty()) {
                throw new IOException("no public English article to edit under " + content);
            }
            return found;
        }
    }

    private long total(String word) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(base.resolve("/api/v1/search?q=" + word)).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher matcher = TOTAL.matcher(response.body());
        return response.statusCode() == 200 && matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }
}

package dev.kotae.editing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.kotae.util.AtomicFiles;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * History without git: each publish, delete and restore keeps a copy of the file
 * ({@code data/history/<id>/<version>.md}) and who, when, why and what
 * ({@code <version>.json}). Versions are the time in milliseconds, zero-padded, and a sequence number,
 * so they sort oldest first by name. Only changes made through the editor are seen.
 */
final class FolderHistory implements ArticleHistory {

    private static final Pattern VERSION = Pattern.compile("\\d{13}-\\d{4}");

    /** What {@code <version>.json} holds. */
    record Meta(String path, String author, Instant when, String message, String action) {}

    private final Path root;
    /** The millisecond of the last version named, and how many were named in it: versions only increase. */
    private long lastMillis = -1;
    private int inLastMillis;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    FolderHistory(Path root) {
        this.root = root;
    }

    @Override
    public String record(Change change) throws IOException {
        Path dir = root.resolve(change.id());
        Files.createDirectories(dir);
        String version = nextVersion(change.when());
        if (change.bytes() != null) {
            AtomicFiles.write(dir.resolve(version + ".md"), change.bytes());
        }
        AtomicFiles.write(dir.resolve(version + ".json"), json.writeValueAsBytes(
                new Meta(change.path(), change.person(), change.when(), change.message(), change.action())));
        return version;
    }

    /**
     * A version name after every one named before: its time in milliseconds, then a count within that
     * millisecond. A copy kept as found and the change after it share a millisecond as often as not, so the
     * count, not a wrapping sequence, must order them; a clock that steps back never names an older one.
     */
    private synchronized String nextVersion(Instant when) {
        long millis = Math.max(when.toEpochMilli(), lastMillis);
        if (millis == lastMillis && ++inLastMillis > 9_999) {
            millis++;
        }
        if (millis != lastMillis) {
            inLastMillis = 0;
        }
        lastMillis = millis;
        return String.format("%013d-%04d", millis, inLastMillis);
    }

    @Override
    public String keepFound(String id, String path, byte[] bytes, Instant when) throws IOException {
        List<HistoryEntry> newest = log(id, path, 1);
        if (!newest.isEmpty()) {
            Optional<byte[]> kept = contentAt(id, path, newest.get(0).version());
            if (kept.isPresent() && Arrays.equals(kept.get(), bytes)) {
                return null;
            }
        }
        return record(new Change(id, path, bytes, "change", FOUND_AUTHOR, null, when,
                FOUND_MESSAGE, List.of()));
    }

    @Override
    public List<HistoryEntry> log(String id, String path, int limit) throws IOException {
        Path dir = root.resolve(id);
        List<String> versions = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
            for (Path file : files) {
                String version = file.getFileName().toString().replaceFirst("\\.json$", "");
                if (VERSION.matcher(version).matches()) {
                    versions.add(version);
                }
            }
        }
        // Names sort by time: only the newest records are read.
        versions.sort(Comparator.reverseOrder());
        List<HistoryEntry> entries = new ArrayList<>();
        for (String version : versions.subList(0, Math.min(limit, versions.size()))) {
            entries.add(entry(dir, version));
        }
        return entries;
    }

    /** The copies are kept per article, so a version is the article's when its record is in its folder. */
    @Override
    public Optional<HistoryEntry> find(String id, String path, String version) throws IOException {
        if (version == null || !VERSION.matcher(version).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(entry(root.resolve(id), version));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    private HistoryEntry entry(Path dir, String version) throws IOException {
        Meta meta = json.readValue(Files.readAllBytes(dir.resolve(version + ".json")), Meta.class);
        return new HistoryEntry(version, meta.when(), meta.author(), meta.message(), meta.action());
    }

    @Override
    public Optional<byte[]> contentAt(String id, String path, String version) throws IOException {
        if (version == null || !VERSION.matcher(version).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(root.resolve(id).resolve(version + ".md")));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public String describe() {
        return "copies under " + root;
    }
}

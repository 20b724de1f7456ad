package dev.kotae.editing;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The file each article id was last written to by the editor ({@code data/article-paths.json}): finds an
 * article's file before the content watcher has indexed it, and its history after it was deleted. A hint
 * only; the file's own {@code id:} decides. Callers hold the editor's write lock for {@link #put}.
 */
final class KnownPaths {

    private final Path file;
    private final ObjectMapper json = new ObjectMapper();
    private final TreeMap<String, String> paths;

    KnownPaths(Path file) throws IOException {
        this.file = file;
        this.paths = Files.exists(file)
                ? json.readValue(Files.readAllBytes(file), new TypeReference<TreeMap<String, String>>() {})
                : new TreeMap<>();
    }

    synchronized Optional<String> get(String id) {
        return Optional.ofNullable(paths.get(id));
    }

    synchronized void put(String id, String path) throws IOException {
        if (!path.equals(paths.put(id, path))) {
            AtomicFiles.write(file, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(paths));
        }
    }
}

package dev.kotae.editing;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kotae.util.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file each article id was last written to by the editor ({@code data/article-paths.json}): finds an
 * article's file before the content watcher has indexed it, and its history after it was deleted. A hint
 * only; the file's own {@code id:} decides. Callers hold the editor's write lock for {@link #put}.
 */
final class KnownPaths {

    private static final Logger LOG = LoggerFactory.getLogger(KnownPaths.class);

    private final Path file;
    private final ObjectMapper json = new ObjectMapper();
    private final TreeMap<String, String> paths;

    KnownPaths(Path file) {
        this.file = file;
        this.paths = load(file);
    }

    /** A hint only: an unreadable file must not stop the server, so it starts from nothing, with a warning. */
    private TreeMap<String, String> load(Path from) {
        if (!Files.exists(from)) {
            return new TreeMap<>();
        }
        try {
            TreeMap<String, String> read = json.readValue(Files.readAllBytes(from),
                    new TypeReference<TreeMap<String, String>>() {});
            return read == null ? new TreeMap<>() : read;
        } catch (IOException e) {
            LOG.warn("Ignoring unreadable {} ({}): deleted articles' history is found again once they are"
                    + " published anew", from, e.getMessage());
            return new TreeMap<>();
        }
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

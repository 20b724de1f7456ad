package dev.kotae.editing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.kotae.content.Article;
import dev.kotae.util.AtomicFiles;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The drafts, one JSON file per article id under {@code data/drafts/}, each replaced atomically. Never
 * in the content folder or the index, so no anonymous path reaches them. Callers serialise writes (the
 * editor's write lock); reads may run at any time and see a whole file.
 */
final class DraftStore {

    private static final Logger LOG = LoggerFactory.getLogger(DraftStore.class);

    /**
     * A draft as kept: with who approved it for a later {@code publishAt} (and their role), and the publish
     * message they gave, all {@code null} until then. The scheduled publish is made in the approver's name.
     */
    record Stored(Draft draft, String approvedBy, String approverRole, String approvalMessage) {}

    private final Path dir;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    DraftStore(Path dir) {
        this.dir = dir;
    }

    Optional<Stored> get(String id) throws IOException {
        try {
            return Optional.of(json.readValue(Files.readAllBytes(file(id)), Stored.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    void put(Stored stored) throws IOException {
        AtomicFiles.write(file(stored.draft().id()), json.writerWithDefaultPrettyPrinter().writeValueAsBytes(stored));
    }

    void delete(String id) throws IOException {
        Files.deleteIfExists(file(id));
    }

    /** Every draft, newest (last updated) first; an unreadable file is logged and left out. */
    List<Stored> all() throws IOException {
        List<Stored> drafts = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return drafts;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "[!.]*.json")) {
            for (Path file : files) {
                try {
                    drafts.add(json.readValue(Files.readAllBytes(file), Stored.class));
                } catch (IOException e) {
                    LOG.warn("Skipping unreadable draft {}: {}", file, e.getMessage());
                }
            }
        }
        drafts.sort(Comparator.comparing((Stored s) -> s.draft().updated()).reversed());
        return drafts;
    }

    private Path file(String id) {
        // Ids are checked before they reach here; this keeps a bad one from naming another file.
        if (!Article.isFileId(id)) {
            throw new IllegalArgumentException("not an article id: " + id);
        }
        return dir.resolve(id + ".json");
    }
}

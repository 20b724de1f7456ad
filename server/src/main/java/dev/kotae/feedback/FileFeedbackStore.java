package dev.kotae.feedback;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Was this helpful?" votes of a single server, kept durably in {@code DATA/feedback.jsonl}: one JSON line per vote,
 * appended and forced to disk before the vote is acknowledged, so an acknowledged vote survives a crash
 * or restart. The file survives torn writes: a line is only ever appended after the last complete
 * one, so whatever a failed write left (power loss, a full disk) is cut off before the next vote is
 * written, at start or while running, and is never merged with it; unreadable lines are skipped and
 * counted. No IP address or other identifying data is stored, only the random visitor id a browser chose.
 *
 * <p>A changed vote (voted again, or a comment added) is appended as a new line with the vote's id; the
 * last line of an id is the vote, so the file stays append-only and a restart reads the same votes.
 */
public final class FileFeedbackStore implements FeedbackStore {

    private static final Logger LOG = LoggerFactory.getLogger(FileFeedbackStore.class);

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final Path file;
    private final FileChannel channel;
    /** Every vote by id, in the order first cast (a changed vote keeps its place). */
    private final Map<String, Feedback> votes = new LinkedHashMap<>();
    /** The id of each visitor's vote, by {@link #visitorKey}. */
    private final Map<String, String> visitorVotes = new HashMap<>();
    private final Map<String, long[]> totals = new HashMap<>();
    /** Where the last complete line ends: everything after it is the remains of a failed write. */
    private long committedLength;
    private int unreadableLines;
    private int tornWrites;

    public FileFeedbackStore(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        this.file = file;
        if (Files.exists(file)) {
            load(file);
        }
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            cutTornTail();
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    /** Loads the complete lines of the file; unreadable ones are skipped and counted, a torn tail is left out. */
    private void load(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int lineNumber = 0;
        int lineStart = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != '\n') {
                continue;
            }
            lineNumber++;
            // Decoded leniently, line by line: a broken character must not make other lines unreadable.
            String line = new String(bytes, lineStart, i - lineStart, StandardCharsets.UTF_8);
            lineStart = i + 1;
            if (line.isBlank()) {
                continue;
            }
            try {
                remember(json.readValue(line, Feedback.class));
            } catch (IOException e) {
                unreadableLines++;
                LOG.warn("Skipping unreadable feedback line {} of {}", lineNumber, file);
            }
        }
        committedLength = lineStart;
    }

    /**
     * Cuts the file back to its last complete line before anything is appended: bytes after it are the
     * start of a line whose write failed (a crash, a full disk), and a vote appended after them would be
     * merged into that line and lost at the next start.
     */
    private void cutTornTail() throws IOException {
        long size = channel.size();
        if (size != committedLength) {
            tornWrites++;
            LOG.warn("Cutting {} bytes of an incomplete feedback line off the end of {} (a failed write)",
                    size - committedLength, file);
            channel.truncate(committedLength);
            channel.force(false);
        }
    }

    @Override
    public synchronized Feedback record(String articleId, String visitor, boolean helpful, String comment)
            throws IOException {
        String cleaned = FeedbackStore.cleanComment(comment);
        Feedback earlier = vote(articleId, visitor).orElse(null);
        Feedback feedback = earlier == null
                ? new Feedback(UUID.randomUUID().toString(), articleId, helpful, cleaned, Instant.now(), visitor)
                : new Feedback(earlier.id(), articleId, helpful, FeedbackStore.commentKept(earlier, helpful, cleaned),
                        earlier.createdAt(), visitor);
        return store(feedback);
    }

    @Override
    public synchronized Optional<Feedback> comment(String articleId, String visitor, String comment) throws IOException {
        Optional<Feedback> earlier = vote(articleId, visitor);
        if (earlier.isEmpty()) {
            return Optional.empty();
        }
        Feedback vote = earlier.get();
        return Optional.of(store(new Feedback(vote.id(), articleId, vote.helpful(), FeedbackStore.cleanComment(comment),
                vote.createdAt(), visitor)));
    }

    @Override
    public synchronized Optional<Feedback> vote(String articleId, String visitor) {
        String id = visitor == null ? null : visitorVotes.get(visitorKey(articleId, visitor));
        return Optional.ofNullable(id == null ? null : votes.get(id));
    }

    /** Appends the vote's line and, once it is on disk, makes it the vote of its id. */
    private Feedback store(Feedback feedback) throws IOException {
        append((json.writeValueAsString(feedback) + "\n").getBytes(StandardCharsets.UTF_8));
        remember(feedback);
        return feedback;
    }

    /** Appends one whole line at the committed end and forces it to disk; a failure leaves no partial line behind. */
    private void append(byte[] line) throws IOException {
        cutTornTail();
        ByteBuffer buffer = ByteBuffer.wrap(line);
        long position = committedLength;
        try {
            while (buffer.hasRemaining()) {
                position += channel.write(buffer, position);
            }
            channel.force(false);
        } catch (IOException e) {
            try {
                cutTornTail(); // now, if the disk allows; otherwise before the next append
            } catch (IOException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
        committedLength = position;
    }

    /** Makes a line's vote the current one of its id: the totals lose the vote it replaces, if any. */
    private void remember(Feedback feedback) {
        Feedback replaced = votes.put(feedback.id(), feedback);
        if (replaced != null) {
            totals.get(replaced.articleId())[replaced.helpful() ? 0 : 1]--;
        }
        long[] counts = totals.computeIfAbsent(feedback.articleId(), id -> new long[2]);
        counts[feedback.helpful() ? 0 : 1]++;
        if (feedback.visitor() != null) {
            visitorVotes.put(visitorKey(feedback.articleId(), feedback.visitor()), feedback.id());
        }
    }

    private static String visitorKey(String articleId, String visitor) {
        return articleId + '\u0000' + visitor;
    }

    @Override
    public synchronized Totals totals(String articleId) {
        long[] counts = totals.getOrDefault(articleId, new long[2]);
        return new Totals(counts[0], counts[1]);
    }

    @Override
    public synchronized List<Feedback> recent(String articleId, int limit) {
        List<Feedback> all = new ArrayList<>(votes.values());
        List<Feedback> found = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0 && found.size() < limit; i--) {
            Feedback feedback = all.get(i);
            if (articleId == null || articleId.equals(feedback.articleId())) {
                found.add(feedback);
            }
        }
        return found;
    }

    @Override
    public synchronized int size() {
        return votes.size();
    }

    @Override
    public synchronized int unreadableLines() {
        return unreadableLines;
    }

    @Override
    public synchronized int tornWrites() {
        return tornWrites;
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }
}

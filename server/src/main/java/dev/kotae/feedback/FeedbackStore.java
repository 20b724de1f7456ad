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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Was this helpful?" votes, kept durably in {@code DATA/feedback.jsonl}: one JSON line per vote,
 * appended and forced to disk before the vote is acknowledged, so an acknowledged vote survives a crash
 * or restart. A torn last line (power loss mid-write) is skipped on load. No IP address or other
 * identifying data is stored.
 */
public final class FeedbackStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FeedbackStore.class);
    public static final int MAX_COMMENT_LENGTH = 2000;

    /** One stored vote. */
    public record Feedback(String id, String articleId, boolean helpful, String comment, Instant createdAt) {}

    /** Vote totals of one article. */
    public record Totals(long helpful, long notHelpful) {}

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final FileChannel channel;
    private final List<Feedback> all = new ArrayList<>();
    private final Map<String, long[]> totals = new HashMap<>();

    public FeedbackStore(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        boolean tornTail = Files.exists(file) && load(file);
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        if (tornTail) {
            // End the torn line, so the next vote starts a line of its own instead of extending the garbage.
            try {
                write("\n".getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                channel.close();
                throw e;
            }
        }
    }

    /** Loads the stored votes; returns whether the file ends in a torn (unterminated) line. */
    private boolean load(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        // Decoded leniently: a line torn inside a multi-byte character must not make the whole file unreadable.
        String text = new String(bytes, StandardCharsets.UTF_8);
        int lineNumber = 0;
        for (String line : text.lines().toList()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            try {
                remember(json.readValue(line, Feedback.class));
            } catch (IOException e) {
                LOG.warn("Skipping unreadable feedback line {} of {}", lineNumber, file);
            }
        }
        return bytes.length > 0 && bytes[bytes.length - 1] != '\n';
    }

    /** Stores a vote and returns it once it is on disk. */
    public synchronized Feedback record(String articleId, boolean helpful, String comment) throws IOException {
        String cleaned = comment == null || comment.isBlank() ? null : comment.strip();
        Feedback feedback = new Feedback(UUID.randomUUID().toString(), articleId, helpful, cleaned, Instant.now());
        write((json.writeValueAsString(feedback) + "\n").getBytes(StandardCharsets.UTF_8));
        remember(feedback);
        return feedback;
    }

    /** Appends bytes and forces them to disk. */
    private void write(byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        channel.force(false);
    }

    private void remember(Feedback feedback) {
        all.add(feedback);
        long[] counts = totals.computeIfAbsent(feedback.articleId(), id -> new long[2]);
        counts[feedback.helpful() ? 0 : 1]++;
    }

    public synchronized Totals totals(String articleId) {
        long[] counts = totals.getOrDefault(articleId, new long[2]);
        return new Totals(counts[0], counts[1]);
    }

    /** The most recent votes, newest first, optionally for one article. */
    public synchronized List<Feedback> recent(String articleId, int limit) {
        List<Feedback> found = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0 && found.size() < limit; i--) {
            Feedback feedback = all.get(i);
            if (articleId == null || articleId.equals(feedback.articleId())) {
                found.add(feedback);
            }
        }
        return found;
    }

    public synchronized int size() {
        return all.size();
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }
}

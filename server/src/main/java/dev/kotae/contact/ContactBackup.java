package dev.kotae.contact;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.kotae.util.LineFiles;
import dev.kotae.util.SqlStates;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A second, local copy of each contact request, forced to disk before the customer is told it was received,
 * so that a request the database takes back is not lost. The embedded database (H2) can acknowledge a
 * commit and still lose it when the process is killed while it writes (operations.md, "The journal"); at
 * start, {@link #restoreInto} puts every kept request the database no longer holds back into the queue,
 * with a pending delivery to each of its destinations, so it is delivered as if nothing had happened.
 * <p>
 * Requests are appended, one JSON line each, to a file per UTC day ({@code yyyy-MM-dd.jsonl}) in their own
 * folder. A take-back only ever concerns the last moments before a kill, which the next start restores;
 * {@link #forgetOld} deletes the files of days that ended more than {@link #KEEP_DAYS} days ago, and only
 * once this process restored them (a server down for days restores its old files before it may delete
 * them). An unreadable line (a kill mid-append) is skipped.
 */
public final class ContactBackup {

    private static final Logger LOG = LoggerFactory.getLogger(ContactBackup.class);
    /** Days a day's file is kept after its day ends. */
    static final int KEEP_DAYS = 2;
    /** How long after a restore old files may go: H2 keeps a commit once no burst of commits follows it. */
    static final Duration SETTLE = Duration.ofMinutes(1);
    private static final String SUFFIX = ".jsonl";

    /** One kept line: the request and the destinations it was queued for. */
    record Kept(ContactRequest request, List<String> destinations) {}

    private final Path folder;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES); // a line a later version wrote reads too
    /** When {@link #restoreInto} last finished, or {@code null}: until then no file is deleted, whatever its age. */
    private Instant restoredAt;
    /** The UTC day old files were last deleted on: one sweep a day is enough. */
    private LocalDate sweptDay;

    public ContactBackup(Path folder, Clock clock) {
        this.folder = folder;
        this.clock = clock;
    }

    /**
     * Appends the request and forces it to disk. Returns once it would survive a kill -9 or a power loss.
     *
     * @throws IOException when it could not be written (the database holds the request all the same)
     */
    public synchronized void keep(ContactRequest request, List<String> destinations) throws IOException {
        byte[] line = (json.writeValueAsString(new Kept(request, List.copyOf(destinations))) + "\n")
                .getBytes(StandardCharsets.UTF_8);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LineFiles.append(folder.resolve(today + SUFFIX), line, true);
    }

    /**
     * Deletes the files whose day ended more than {@link #KEEP_DAYS} days ago, once {@link #restoreInto} ran
     * at least {@link #SETTLE} ago (what it put back must be kept by the database first: a kill just after a
     * burst of commits can take them back). Returns how many files were deleted.
     */
    public synchronized int forgetOld() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        if (restoredAt == null || restoredAt.plus(SETTLE).isAfter(now) || today.equals(sweptDay)) {
            return 0; // not restored yet, or just now; or this day's sweep is done (the sender asks every poll)
        }
        sweptDay = today;
        LocalDate oldestKept = today.minusDays(KEEP_DAYS);
        int deleted = 0;
        for (Path file : files()) {
            if (day(file).isBefore(oldestKept)) {
                try {
                    Files.deleteIfExists(file);
                    deleted++;
                } catch (IOException e) {
                    LOG.warn("Cannot delete old contact backup {}: {}", file, e.toString());
                }
            }
        }
        return deleted;
    }

    /**
     * Puts every kept request the queue does not hold back into it, each with a pending delivery to the
     * destinations it was kept with. Returns how many were put back.
     *
     * @throws SQLException when the database does not answer (nothing is lost: call it again later)
     */
    public synchronized int restoreInto(ContactQueue queue) throws SQLException {
        List<Kept> kept = read();
        if (kept.isEmpty()) {
            restoredAt = clock.instant();
            return 0;
        }
        Set<String> stored = new HashSet<>(queue.storedIds(kept.stream().map(k -> k.request().id()).distinct().toList()));
        int count = 0;
        for (Kept k : kept) {
            if (!stored.add(k.request().id())) {
                continue; // in the database, or restored from an earlier line
            }
            try {
                queue.enqueue(k.request(), k.destinations());
            } catch (SQLException e) {
                if (!SqlStates.refusedRow(e)) {
                    throw e; // the database did not answer: try the whole restore again later
                }
                // That one line cannot be restored; the others can.
                LOG.error("Contact request {} from {} cannot be restored: {}", k.request().id(), folder, e.getMessage());
                continue;
            }
            LOG.warn("Contact request {} of {} was acknowledged but no longer in the database (taken back by a"
                    + " kill); restored from {} and queued again", k.request().id(), k.request().submittedAt(), folder);
            count++;
        }
        restoredAt = clock.instant();
        return count;
    }

    /**
     * Every readable kept request, oldest file first. A line that cannot be read (torn by a kill or a full
     * disk, even inside a multi-byte character, or not a request) is skipped with a warning; the others
     * of its file are read all the same.
     */
    List<Kept> read() {
        List<Kept> kept = new ArrayList<>();
        for (Path file : files()) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                LOG.warn("Cannot read contact backup {}: {}", file, e.toString());
                continue;
            }
            int start = 0;
            int line = 1;
            // The part after the last line break is a line torn by a kill mid-append, or empty.
            for (int end = indexOf(bytes, start); end >= 0; start = end + 1, end = indexOf(bytes, start), line++) {
                Kept one = parse(bytes, start, end, file, line);
                if (one != null) {
                    kept.add(one);
                }
            }
        }
        return kept;
    }

    private Kept parse(byte[] bytes, int start, int end, Path file, int line) {
        if (end == start) {
            return null;
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, start, end - start)).toString();
            Kept one = json.readValue(text, Kept.class);
            if (one == null || one.request() == null || one.destinations() == null) {
                throw new IOException("not a kept request");
            }
            return one;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Skipping unreadable line {} of contact backup {}: {}", line, file, e.getMessage());
            return null;
        }
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private List<Path> files() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> listed = Files.list(folder)) {
            return listed.filter(file -> day(file) != null).sorted().toList();
        } catch (IOException e) {
            LOG.warn("Cannot list contact backup {}: {}", folder, e.toString());
            return List.of();
        }
    }

    private static LocalDate day(Path file) {
        String name = file.getFileName().toString();
        if (!name.endsWith(SUFFIX)) {
            return null;
        }
        try {
            return LocalDate.parse(name.substring(0, name.length() - SUFFIX.length()));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

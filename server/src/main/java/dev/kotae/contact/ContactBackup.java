package dev.kotae.contact;

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
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
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
 * files older than {@link #KEEP_DAYS} days are deleted when a new day's file is begun, and only once this
 * process restored them (a server down for days restores its old files before it may delete them). A torn
 * last line (a kill mid-append) is skipped.
 */
public final class ContactBackup {

    private static final Logger LOG = LoggerFactory.getLogger(ContactBackup.class);
    /** Days a day's file is kept after its day ends. */
    static final int KEEP_DAYS = 2;
    private static final String SUFFIX = ".jsonl";

    /** One kept line: the request and the destinations it was queued for. */
    record Kept(ContactRequest request, List<String> destinations) {}

    private final Path folder;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    /** The day of the file appended to last; a new day's first append deletes the files past keeping. */
    private LocalDate lastDay;
    /** Whether {@link #restoreInto} ran: until then no file is deleted, whatever its age. */
    private boolean restored;

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
        Files.createDirectories(folder);
        Path file = folder.resolve(today + SUFFIX);
        boolean created = Files.notExists(file);
        // Not opened for appending (that excludes reading): appends are made one at a time, here.
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            channel.position(channel.size());
            if (channel.size() > 0 && endsMidLine(channel)) {
                writeFully(channel, new byte[] {'\n'}); // a torn line stays alone, this one readable
            }
            writeFully(channel, line);
            channel.force(false);
        }
        if (created) {
            forceFolder(); // the new file's name must survive a power loss as well as its bytes
        }
        if (restored && !today.equals(lastDay)) {
            lastDay = today;
            deleteBefore(today.minusDays(KEEP_DAYS));
        }
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
            restored = true;
            return 0;
        }
        Set<String> stored = queue.storedIds(kept.stream().map(k -> k.request().id()).toList());
        int count = 0;
        for (Kept k : kept) {
            if (!stored.contains(k.request().id())) {
                queue.enqueue(k.request(), k.destinations());
                LOG.warn("Contact request {} of {} was acknowledged but no longer in the database (taken back by a"
                        + " kill); restored from {} and queued again", k.request().id(), k.request().submittedAt(),
                        folder);
                count++;
            }
        }
        restored = true;
        return count;
    }

    /** Every readable kept request, oldest file first; torn or unreadable lines are skipped with a warning. */
    List<Kept> read() {
        List<Kept> kept = new ArrayList<>();
        for (Path file : files()) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                LOG.warn("Cannot read contact backup {}: {}", file, e.toString());
                continue;
            }
            String[] lines = text.split("\n", -1);
            // The part after the last line break is a line torn by a kill mid-append, or empty.
            for (int i = 0; i < lines.length - 1; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                try {
                    kept.add(json.readValue(lines[i], Kept.class));
                } catch (IOException | RuntimeException e) {
                    LOG.warn("Skipping unreadable line {} of contact backup {}: {}", i + 1, file, e.getMessage());
                }
            }
        }
        return kept;
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

    private void deleteBefore(LocalDate oldestKept) {
        for (Path file : files()) {
            if (day(file).isBefore(oldestKept)) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    LOG.warn("Cannot delete old contact backup {}: {}", file, e.toString());
                }
            }
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

    private static void writeFully(FileChannel channel, byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    private static boolean endsMidLine(FileChannel channel) throws IOException {
        ByteBuffer last = ByteBuffer.allocate(1);
        channel.read(last, channel.size() - 1);
        return last.get(0) != '\n';
    }

    private void forceFolder() {
        try (FileChannel directory = FileChannel.open(folder, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException e) {
            // Some file systems cannot open a folder for syncing; the file itself is forced all the same.
            LOG.debug("Cannot force contact backup folder {}: {}", folder, e.toString());
        }
    }
}

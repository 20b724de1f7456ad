package dev.kotae.analytics;

import dev.kotae.util.AtomicFiles;
import dev.kotae.util.DaemonThreads;
import dev.kotae.plugin.KotaeEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local, append-only record of every analytics event, written before the event is acknowledged
 * and read by the {@link JournalShipper} into the database. What it guarantees:
 * <ul>
 *   <li>{@link #append} returns once the event is written to the file ({@code write(2)}): it survives a
 *       kill -9 of the process from then on;</li>
 *   <li>files are forced to disk ({@code fsync}) every {@code fsyncEvery}, so an operating-system crash or
 *       power loss takes at most that much of the newest events (appends then go on in a new segment, so
 *       the flush never holds them up);</li>
 *   <li>the journal is bounded: when its files hold {@code maxBytes}, {@link #append} refuses (and the
 *       caller counts the loss) instead of filling the disk;</li>
 *   <li>segments are deleted only once the database has committed everything they hold ({@link #trim}).</li>
 * </ul>
 * Files are numbered segments in their own folder; every start appends to a new segment, so a position
 * once handed out is never written again. A line is read only once it is complete, and an incomplete last
 * line left by a crash is cut off at start.
 */
public final class EventJournal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventJournal.class);
    private static final Pattern SEGMENT = Pattern.compile("\\d{20}\\.journal");
    private static final long SEGMENT_BYTES = 16L * 1024 * 1024;
    private static final int READ_CHUNK = 1024 * 1024;

    /** A place in the journal: a segment and a byte offset in it. Everything before it is delivered. */
    public record Position(long segment, long offset) {
        public static final Position START = new Position(0, 0);

        boolean before(Position other) {
            return segment < other.segment || (segment == other.segment && offset < other.offset);
        }
    }

    /** Events read from the journal, each with its requester, and the position just after the last of them. */
    public record Batch(List<RecordedEvent> entries, Position end) {
        /** The events alone. */
        public List<KotaeEvent> events() {
            return entries.stream().map(RecordedEvent::event).toList();
        }
    }

    private final Path folder;
    private final String id;
    private final long maxBytes;
    private final LossCounters losses;
    /** Segment number → its size in bytes (complete lines only); the last one is being appended to. */
    private final TreeMap<Long, Long> segments = new TreeMap<>();
    private final ScheduledExecutorService syncing =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("kotae-journal-fsync"));
    private FileChannel current;
    private long currentSegment;
    private long bytes;
    private boolean dirty;
    private boolean closed;

    private EventJournal(Path folder, String id, long maxBytes, LossCounters losses) {
        this.folder = folder;
        this.id = id;
        this.maxBytes = maxBytes;
        this.losses = losses;
    }

    /**
     * Opens the journal in {@code folder}, cutting off an incomplete last line a crash may have left, and
     * starts a new segment to append to.
     */
    public static EventJournal open(Path folder, long maxBytes, Duration fsyncEvery, LossCounters losses)
            throws IOException {
        Files.createDirectories(folder);
        EventJournal journal = new EventJournal(folder, journalId(folder), maxBytes, losses);
        try (var files = Files.list(folder)) {
            for (Path file : files.filter(f -> SEGMENT.matcher(f.getFileName().toString()).matches()).toList()) {
                long number = Long.parseLong(file.getFileName().toString().substring(0, 20));
                journal.segments.put(number, completeLength(file));
            }
        }
        journal.bytes = journal.segments.values().stream().mapToLong(Long::longValue).sum();
        journal.startSegment(journal.segments.isEmpty() ? 1 : journal.segments.lastKey() + 1);
        long millis = Math.max(1, fsyncEvery.toMillis());
        journal.syncing.scheduleWithFixedDelay(journal::syncQuietly, millis, millis, TimeUnit.MILLISECONDS);
        if (journal.bytes > 0) {
            LOG.info("Analytics journal {} holds {} bytes not yet known to be in the database", folder, journal.bytes);
        }
        return journal;
    }

    /** This journal's name in the database, where its delivered position is kept; made once per data folder. */
    private static String journalId(Path folder) throws IOException {
        Path file = folder.resolve("journal-id");
        if (Files.exists(file)) {
            String id = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (!id.isEmpty()) {
                return id;
            }
        }
        String id = UUID.randomUUID().toString();
        AtomicFiles.write(file, id.getBytes(StandardCharsets.UTF_8));
        return id;
    }

    /** The length of the file's complete lines; an incomplete last line (a crash mid-write) is cut off. */
    private static long completeLength(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            long end = size;
            ByteBuffer one = ByteBuffer.allocate(1);
            while (end > 0) {
                one.clear();
                channel.read(one, end - 1);
                if (one.get(0) == '\n') {
                    break;
                }
                end--;
            }
            if (end < size) {
                LOG.warn("Cutting an incomplete line of {} bytes off the end of analytics journal {}", size - end, file);
                channel.truncate(end);
                channel.force(false);
            }
            return end;
        }
    }

    private void startSegment(long number) throws IOException {
        FileChannel previous = openSegment(number);
        if (previous != null) {
            previous.force(false);
            previous.close();
        }
    }

    /** Appends go to a new segment from now on; returns the previous segment's channel, still open. */
    private FileChannel openSegment(long number) throws IOException {
        FileChannel previous = current;
        current = FileChannel.open(file(number), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        currentSegment = number;
        segments.put(number, 0L);
        return previous;
    }

    private Path file(long segment) {
        return folder.resolve(String.format("%020d.journal", segment));
    }

    /** The name under which the database keeps how far it has stored this journal. */
    public String id() {
        return id;
    }

    /**
     * Writes the event to the journal. Returns false, and counts the event as lost, when the journal is
     * full, closed or cannot be written: the caller must then not promise the event is kept.
     */
    public boolean append(KotaeEvent event) {
        return append(event, Requester.UNKNOWN);
    }

    /** Like {@link #append(KotaeEvent)}, with who the event came from kept beside it. */
    public boolean append(KotaeEvent event, Requester requester) {
        byte[] line;
        try {
            line = JournalLines.encode(event, requester);
        } catch (IOException e) {
            losses.lost(1);
            LOG.warn("Could not encode a {} event for the analytics journal: {}", EventNames.of(event), e.toString());
            return false;
        }
        synchronized (this) {
            if (closed) {
                losses.lost(1);
                return false;
            }
            if (bytes + line.length > maxBytes) {
                losses.lost(1);
                if (losses.lostLogWorthy()) {
                    LOG.warn("Analytics journal {} is full ({} bytes): events are being lost until the database"
                            + " takes them", folder, bytes);
                }
                return false;
            }
            try {
                if (segments.get(currentSegment) >= SEGMENT_BYTES) {
                    startSegment(currentSegment + 1);
                }
                ByteBuffer buffer = ByteBuffer.wrap(line);
                while (buffer.hasRemaining()) {
                    current.write(buffer);
                }
            } catch (IOException e) {
                losses.lost(1);
                LOG.warn("Could not write to analytics journal {}: {}", folder, e.toString());
                recover();
                return false;
            }
            segments.merge(currentSegment, (long) line.length, Long::sum);
            bytes += line.length;
            dirty = true;
            notifyAll();
            return true;
        }
    }

    /** After a failed write: cut the partial line off, or continue in a fresh segment. */
    private void recover() {
        try {
            current.truncate(segments.get(currentSegment));
        } catch (IOException e) {
            try {
                startSegment(currentSegment + 1);
            } catch (IOException again) {
                LOG.warn("Analytics journal {} cannot start a new segment: {}", folder, again.toString());
            }
        }
    }

    /**
     * Up to {@code max} events after {@code from}, and where they end; none when everything is read.
     * Skips segments that are gone, and lines it cannot read (logged and counted as lost).
     */
    public Batch read(Position from, int max) throws IOException {
        Position at = from;
        List<RecordedEvent> events = new ArrayList<>();
        while (events.size() < max) {
            Long segment;
            long length;
            synchronized (this) {
                segment = segments.ceilingKey(at.segment());
                if (segment == null) {
                    break;
                }
                length = segments.get(segment);
            }
            if (segment != at.segment()) {
                at = new Position(segment, 0);
            }
            if (at.offset() >= length) {
                Long next;
                synchronized (this) {
                    next = segments.higherKey(segment);
                }
                if (next == null) {
                    break;
                }
                at = new Position(next, 0);
                continue;
            }
            at = readSegment(at, length, max, events);
        }
        return new Batch(events, at);
    }

    /** Reads complete lines from one segment into {@code into} until it holds {@code limit} events. */
    private Position readSegment(Position from, long length, int limit, List<RecordedEvent> into) throws IOException {
        int chunk = (int) Math.min(READ_CHUNK, length - from.offset());
        ByteBuffer buffer = ByteBuffer.allocate(chunk);
        try (FileChannel channel = FileChannel.open(file(from.segment()), StandardOpenOption.READ)) {
            while (buffer.hasRemaining() && channel.read(buffer, from.offset() + buffer.position()) > 0) {
                // fills the chunk; only complete lines (below length) are in it
            }
        } catch (NoSuchFileException e) {
            return new Position(from.segment(), length); // trimmed meanwhile: nothing left to read in it
        }
        byte[] bytes = buffer.array();
        int filled = buffer.position();
        int lineStart = 0;
        boolean sawLineEnd = false;
        for (int i = 0; i < filled && into.size() < limit; i++) {
            if (bytes[i] != '\n') {
                continue;
            }
            sawLineEnd = true;
            try {
                into.add(JournalLines.decode(bytes, lineStart, i - lineStart));
            } catch (IOException | RuntimeException e) {
                losses.lost(1);
                LOG.warn("Skipping an unreadable line at byte {} of analytics journal segment {}: {}",
                        from.offset() + lineStart, from.segment(), e.toString());
            }
            lineStart = i + 1;
        }
        if (!sawLineEnd && filled == READ_CHUNK) {
            // One line longer than a chunk cannot be written by append (events are bounded), so it is damage.
            losses.lost(1);
            LOG.warn("Skipping an over-long line in analytics journal segment {}", from.segment());
            return new Position(from.segment(), length);
        }
        return new Position(from.segment(), from.offset() + lineStart);
    }

    /** Deletes the segments wholly before {@code delivered}: the database has committed what they hold. */
    public void trim(Position delivered) {
        List<Long> gone = new ArrayList<>();
        synchronized (this) {
            for (Long segment : segments.headMap(delivered.segment()).keySet()) {
                if (segment != currentSegment) {
                    gone.add(segment);
                }
            }
        }
        for (Long segment : gone) {
            try {
                Files.deleteIfExists(file(segment));
            } catch (IOException e) {
                LOG.warn("Could not delete delivered analytics journal segment {}: {}", file(segment), e.toString());
                continue;
            }
            synchronized (this) {
                Long size = segments.remove(segment);
                bytes -= size == null ? 0 : size;
            }
        }
    }

    /** The position just after the last event appended so far. */
    public synchronized Position end() {
        return new Position(currentSegment, segments.getOrDefault(currentSegment, 0L));
    }

    /** Bytes in the journal's files. */
    public synchronized long bytes() {
        return bytes;
    }

    /** Bytes after {@code delivered}: events the database does not hold yet. */
    public synchronized long pendingBytes(Position delivered) {
        long pending = 0;
        for (var segment : segments.tailMap(delivered.segment(), true).entrySet()) {
            pending += segment.getKey() == delivered.segment()
                    ? Math.max(0, segment.getValue() - delivered.offset()) : segment.getValue();
        }
        return pending;
    }

    /** Waits until something is appended after {@code position}, at most {@code timeout}. */
    public synchronized void awaitAfter(Position position, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!closed && pendingBytes(position) == 0) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                return;
            }
            wait(left);
        }
    }

    /**
     * Forces what was appended to disk. Appends move to a new segment first and the finished one is forced
     * outside the lock: forcing a file that is being written makes the kernel hold writes to it until the
     * flush is done, and every search would queue behind that (measured: half the searches a second).
     */
    public void sync() throws IOException {
        FileChannel finished;
        synchronized (this) {
            if (!dirty || closed) {
                return;
            }
            dirty = false;
            finished = openSegment(currentSegment + 1);
        }
        try {
            finished.force(false);
        } finally {
            finished.close();
        }
    }

    private void syncQuietly() {
        try {
            sync();
            losses.save();
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Could not force analytics journal {} to disk: {}", folder, e.toString());
        }
    }

    /** Stops appending, forces the journal to disk and closes it; what it holds is delivered after the next start. */
    @Override
    public void close() throws IOException {
        DaemonThreads.stop(syncing, Duration.ofSeconds(5));
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            notifyAll();
            current.force(false);
            current.close();
        }
        losses.save();
    }
}

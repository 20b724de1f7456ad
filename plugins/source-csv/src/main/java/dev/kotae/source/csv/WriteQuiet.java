package dev.kotae.source.csv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;

/**
 * Decides when a sheet is complete enough to read: a file that changed within the last {@link #QUIET} is
 * probably still being written (a slow save over a network share, a script streaming rows), and reading
 * it then would drop every row not yet written, so the server would remove those articles. Such a file is
 * read once it has stayed the same (size and modification time) for a whole quiet period. One that keeps
 * changing for {@link #MAX_WAIT} is refused for now: the server keeps the last complete version, and the
 * next change triggers another read.
 */
final class WriteQuiet {

    /** How long a file must stay unchanged to count as completely written. */
    static final Duration QUIET = Duration.ofSeconds(2);
    /**
     * The longest one read of a source waits for its files to settle, all sheets together: well inside the
     * server's default 10 s time box, however many sheets are being written at once.
     */
    static final Duration MAX_WAIT = QUIET.multipliedBy(3);

    /** Waits, so tests can stand in for the clock. */
    @FunctionalInterface
    interface Pause {
        void sleep(long millis) throws InterruptedException;
    }

    private record Stamp(long size, long modifiedMillis) {}

    private final Clock clock;
    private final Pause pause;

    WriteQuiet(Clock clock, Pause pause) {
        this.clock = clock;
        this.pause = pause;
    }

    /** On the system clock, really waiting. */
    static WriteQuiet system() {
        return new WriteQuiet(Clock.systemUTC(), Thread::sleep);
    }

    /**
     * Returns once {@code path} has not changed for {@link #QUIET} (at once for a file saved earlier than
     * that, or a missing one, which the reader reports).
     *
     * @param label the file as configured, for the message
     * @param alreadyWaited how long this read of the source has waited for its other files already
     * @return how long this read has waited in all, to pass on for its next file
     * @throws CsvSourceException when the read has waited {@link #MAX_WAIT} in all and the file is still
     *     changing, or the wait is interrupted
     */
    long awaitComplete(Path path, String label, long alreadyWaited) throws CsvSourceException {
        Stamp seen = stamp(path);
        long waited = alreadyWaited;
        while (seen != null && clock.millis() - seen.modifiedMillis() < QUIET.toMillis()) {
            if (waited >= MAX_WAIT.toMillis()) {
                throw new CsvSourceException(label + ": still being written (the source's files kept changing for "
                        + MAX_WAIT.toSeconds() + " s); it is read once it has been unchanged for "
                        + QUIET.toSeconds() + " s");
            }
            try {
                pause.sleep(QUIET.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CsvSourceException(label + ": interrupted while waiting for the file to be completely written", e);
            }
            waited += QUIET.toMillis();
            Stamp now = stamp(path);
            if (seen.equals(now)) {
                return waited; // unchanged for a whole quiet period (this also settles a clock skewed into the future)
            }
            seen = now;
        }
        return waited;
    }

    private static Stamp stamp(Path path) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            return new Stamp(attributes.size(), attributes.lastModifiedTime().toMillis());
        } catch (IOException e) {
            return null; // missing or unreadable: the reader says which
        }
    }
}

package dev.kotae.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Work that writes the index is never interrupted: closing waits for it, and its failures reach the caller. */
class WriterThreadTest {

    @Test
    void closingWaitsForTheTaskInProgressWithoutInterruptingIt() throws Exception {
        WriterThread writer = new WriterThread("test-writer", Duration.ofSeconds(30));
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicBoolean finished = new AtomicBoolean();
        writer.execute(() -> {
            started.countDown();
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
            while (System.nanoTime() < until) {
                interrupted.compareAndSet(false, Thread.currentThread().isInterrupted());
            }
            finished.set(true);
        });
        assertTrue(started.await(10, TimeUnit.SECONDS));
        writer.close();
        assertTrue(finished.get(), "close returned only once the task had finished");
        assertFalse(interrupted.get(), "the task was never interrupted");
    }

    @Test
    void awaitGivesTheResultOrWhatTheTaskThrew() throws IOException {
        WriterThread writer = new WriterThread("test-writer", Duration.ofSeconds(5));
        try {
            assertEquals("test-writer", writer.await(() -> Thread.currentThread().getName()), "ran on its own thread");
            IOException io = assertThrows(IOException.class, () -> writer.await(() -> {
                throw new IOException("disk full");
            }));
            assertEquals("disk full", io.getMessage());
            assertThrows(IllegalStateException.class, () -> writer.await(() -> {
                throw new IllegalStateException("bug");
            }));
        } finally {
            writer.close();
        }
    }
}

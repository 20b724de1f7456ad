package dev.kotae.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A search's side pass runs on another thread only while a core is spare, and its failures come back as thrown. */
class SpareCoreTest {

    private static final int CORES = Runtime.getRuntime().availableProcessors();

    @Test
    void whileACoreIsSpareTheTaskRunsOnAnotherThread() throws IOException {
        SpareCore.enter();
        try {
            CompletableFuture<Thread> ran = SpareCore.start(Thread::currentThread);
            Thread thread = SpareCore.join(ran);
            if (CORES > 1) {
                assertNotEquals(Thread.currentThread(), thread);
            } else {
                assertEquals(Thread.currentThread(), thread);
            }
        } finally {
            SpareCore.exit();
        }
    }

    @Test
    void withEveryCoreBusyTheTaskRunsOnTheCallersThreadAtOnce() throws IOException {
        for (int i = 0; i < CORES; i++) {
            SpareCore.enter();
        }
        try {
            CompletableFuture<Thread> ran = SpareCore.start(Thread::currentThread);
            assertEquals(true, ran.isDone(), "done by the time start returns");
            assertEquals(Thread.currentThread(), SpareCore.join(ran));
        } finally {
            for (int i = 0; i < CORES; i++) {
                SpareCore.exit();
            }
        }
    }

    @Test
    void failuresComeBackAsThrownOnEitherPath() {
        for (int busy : new int[] {1, CORES}) {
            for (int i = 0; i < busy; i++) {
                SpareCore.enter();
            }
            try {
                IOException io = assertThrows(IOException.class, () -> SpareCore.join(SpareCore.start(() -> {
                    throw new IOException("disk");
                })));
                assertEquals("disk", io.getMessage());
                IllegalStateException state = assertThrows(IllegalStateException.class,
                        () -> SpareCore.join(SpareCore.start(() -> {
                            throw new IllegalStateException("bug");
                        })));
                assertEquals("bug", state.getMessage());
            } finally {
                for (int i = 0; i < busy; i++) {
                    SpareCore.exit();
                }
            }
        }
    }
}

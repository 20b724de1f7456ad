package dev.kotae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DaemonThreadsTest {

    @Test
    void threadsAreNamedDaemons() {
        Thread single = DaemonThreads.named("kotae-test").newThread(() -> {});
        assertEquals("kotae-test", single.getName());
        assertTrue(single.isDaemon(), "a background thread must not keep the JVM alive");

        DaemonThreads pool = DaemonThreads.numbered("kotae-pool-");
        assertEquals("kotae-pool-1", pool.newThread(() -> {}).getName());
        Thread second = pool.newThread(() -> {});
        assertEquals("kotae-pool-2", second.getName());
        assertTrue(second.isDaemon());
    }
}

package dev.kotae.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CloserTest {

    private final List<String> closed = new ArrayList<>();

    @Test
    void closesNewestFirstAndEachOnce() throws Exception {
        Closer closer = new Closer();
        closer.add(() -> closed.add("index"));
        closer.add(() -> closed.add("journal"));
        closer.add(() -> closed.add("http"));
        closer.close();
        closer.close();
        assertEquals(List.of("http", "journal", "index"), closed);
    }

    @Test
    void aFailingPartDoesNotKeepTheOthersOpen() {
        Closer closer = new Closer();
        closer.add(() -> closed.add("index"));
        closer.add(() -> {
            throw new IllegalStateException("journal");
        });
        closer.add(() -> {
            throw new IllegalStateException("http");
        });
        IllegalStateException thrown = assertThrows(IllegalStateException.class, closer::close);
        assertEquals("http", thrown.getMessage(), "the first failure is thrown");
        assertEquals("journal", thrown.getSuppressed()[0].getMessage(), "later ones are suppressed in it");
        assertEquals(List.of("index"), closed);
    }

    @Test
    void closingAfterAFailureKeepsThatFailureAndAddsWhatClosingThrew() {
        Closer closer = new Closer();
        closer.add(() -> closed.add("index"));
        closer.add(() -> {
            throw new IllegalStateException("journal");
        });
        Exception cause = new Exception("start-up failed");
        closer.closeAfter(cause);
        assertSame(IllegalStateException.class, cause.getSuppressed()[0].getClass());
        assertEquals(List.of("index"), closed);
    }
}

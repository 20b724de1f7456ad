package dev.kotae.web;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** Base of integration tests that share one server over a fresh copy of the sample content per class. */
abstract class SampleServerIT {

    @TempDir
    static Path work;
    static KotaeServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = KotaeServer.withSampleContent(work);
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }
}

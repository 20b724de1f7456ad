package dev.kotae.source.zendesk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Shared test helpers: the sample export, writing pages. */
final class TestFiles {

    static final String[] SAMPLE_FILES = {"articles.json", "sections.json", "categories.json"};

    private TestFiles() {}

    /** Copies src/test/resources/sample-export into {@code folder} (created when missing). */
    static Path copySampleExport(Path folder) throws IOException {
        Files.createDirectories(folder);
        for (String name : SAMPLE_FILES) {
            try (InputStream in = TestFiles.class.getResourceAsStream("/sample-export/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("sample-export/" + name + " is not on the test classpath");
                }
                Files.copy(in, folder.resolve(name));
            }
        }
        return folder;
    }

    static Path write(Path folder, String name, String content) {
        try {
            Files.createDirectories(folder);
            return Files.writeString(folder.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

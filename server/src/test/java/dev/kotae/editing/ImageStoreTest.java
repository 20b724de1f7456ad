package dev.kotae.editing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kotae.auth.Caller;
import dev.kotae.auth.Role;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageStoreTest {

    static final byte[] PNG = bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R');
    static final byte[] JPEG = bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 'J', 'F', 'I', 'F');
    static final byte[] GIF = "GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1);
    static final byte[] WEBP = "RIFF\u0024\u0000\u0000\u0000WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);
    private static final Caller EDITOR = new Caller("alice", Role.EDITOR);

    @TempDir
    Path content;

    private ImageStore store() {
        return new ImageStore(content, 1024, Clock.fixed(Instant.parse("2026-12-05T10:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void theFourImageTypesAreStoredUnderAContentAddressedNameWithTheirOwnExtension() throws Exception {
        List<String> urls = Stream.of(PNG, JPEG, GIF, WEBP).map(bytes -> {
            try {
                return store().store(EDITOR, "Photo.bin", bytes).url();
            } catch (EditRejectedException e) {
                throw new AssertionError(e);
            }
        }).toList();
        assertTrue(urls.get(0).matches("/media/2026/photo-[0-9a-f]{10}\\.png"), urls.get(0));
        assertTrue(urls.get(1).endsWith(".jpg") && urls.get(2).endsWith(".gif") && urls.get(3).endsWith(".webp"),
                urls.toString());
        for (String url : urls) {
            Path file = content.resolve(url.substring(1));
            assertTrue(Files.isRegularFile(file), url);
            assertTrue(store().find(url.substring("/media/".length())).isPresent(), url);
        }
    }

    @Test
    void aStoredImageGetsThePermissionsAnyNewFileInItsFolderGets() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path image = content.resolve(store().store(EDITOR, "shop.png", PNG).url().substring(1));
        Path plainNewFile = Files.createFile(image.resolveSibling("plain-new-file.txt"));
        assertEquals(Files.getPosixFilePermissions(plainNewFile), Files.getPosixFilePermissions(image),
                "not owner-only, as a temporary file would be");
    }

    @Test
    void theSameBytesTwiceAreOneFileAndTheMarkdownShowsIt() throws Exception {
        EditorService.StoredImage first = store().store(EDITOR, "diagram.png", PNG);
        EditorService.StoredImage second = store().store(EDITOR, "diagram.png", PNG);
        assertEquals(first, second);
        assertEquals("![diagram](" + first.url() + ")", first.markdown());
        try (Stream<Path> files = Files.walk(content.resolve("media"))) {
            assertEquals(1, files.filter(Files::isRegularFile).count(), "no temporary file is left either");
        }
    }

    /** The description is the file's name as its author wrote it; the stored name stays ASCII. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "スクリーンショット 2026-12-01.png|スクリーンショット 2026-12-01",
        "C:\\Users\\花子\\返品の手順.PNG|返品の手順",
        "a [b] c.png|a \\[b\\] c",
        "'   .png'|image",
    })
    void theMarkdownDescribesTheImageByItsFileName(String fileName, String alt) throws Exception {
        EditorService.StoredImage stored = store().store(EDITOR, fileName, PNG);
        assertEquals("![" + alt + "](" + stored.url() + ")", stored.markdown());
        assertTrue(stored.url().matches("/media/\\d{4}/[a-z0-9-]+-[0-9a-f]{10}\\.png"), stored.url());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "../../x.png|x",
        "a/b.png|b",
        "x.png%00.svg|x-png-00",
        "C:\\Users\\ann\\My Photo.PNG|my-photo",
        "''|image",
        "..|image",
        "写真.png|image",
        "Café Menü.jpg|cafe-menu",
        "<script>alert(1)</script>.png|script",
        "--a--b--.png|a-b",
    })
    void theSlugIsSafeWhateverTheClientNamedTheFile(String name, String slug) {
        assertEquals(slug, ImageStore.slug(name));
    }

    @Test
    void aNulCutsTheNameAndAVeryLongNameIsShortened() {
        assertEquals("x", ImageStore.slug("x\u0000.svg"));
        assertEquals(60, ImageStore.slug("a".repeat(500) + ".png").length());
    }

    @Test
    void svgHtmlAndUnknownBytesAre415WhateverTheNameSays() throws IOException {
        for (String refused : List.of("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>",
                "<!doctype html><script>alert(1)</script>", "%PDF-1.7", "RIFF\u0000\u0000\u0000\u0000WAVEfmt ")) {
            EditRejectedException e = assertThrows(EditRejectedException.class,
                    () -> store().store(EDITOR, "photo.png", refused.getBytes(StandardCharsets.ISO_8859_1)));
            assertEquals(415, e.status(), refused);
        }
        assertFalse(Files.exists(content.resolve("media")), "nothing is written for a refused upload");
    }

    @Test
    void tooLargeIs413AndEmptyIs400() {
        byte[] big = new byte[1025];
        System.arraycopy(PNG, 0, big, 0, PNG.length);
        assertEquals(413, assertThrows(EditRejectedException.class, () -> store().store(EDITOR, "a.png", big)).status());
        assertEquals(400, assertThrows(EditRejectedException.class, () -> store().store(EDITOR, "a.png", new byte[0])).status());
    }

    @Test
    void onlyNamesTheStoreMakesAreFound() throws Exception {
        String stored = store().store(EDITOR, "a.png", PNG).url().substring("/media/".length());
        Files.writeString(content.resolve("secret.md"), "x");
        Files.writeString(content.resolve("media/2026/evil-0123456789.png.svg"), "<svg/>");
        for (String name : List.of("../secret.md", "2026/../../secret.md", "2026/evil-0123456789.png.svg",
                "2026\\a.png", "2026/A-0123456789.png", "/etc/passwd", "2026/" + stored.substring(5) + "\u0000",
                "2026/x-0123456789.svg", "")) {
            assertTrue(store().find(name).isEmpty(), name);
        }
        assertTrue(store().find(stored).isPresent());
    }

    @Test
    void aLinkWithAStoredNameIsNotFollowed() throws Exception {
        Files.createDirectories(content.resolve("media/2026"));
        Path outside = Files.writeString(content.resolve("secret.md"), "x");
        Files.createSymbolicLink(content.resolve("media/2026/link-0123456789.png"), outside);
        assertTrue(store().find("2026/link-0123456789.png").isEmpty());
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}

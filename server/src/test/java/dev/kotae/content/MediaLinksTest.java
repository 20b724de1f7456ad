package dev.kotae.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class MediaLinksTest {

    @Test
    void namesTheUploadedImagesAnArticleShowsOrLinksTo() {
        String html = "<p><img src=\"/media/2026/store-front-0123456789.png\" alt=\"a\"></p>"
                + "<p><a href=\"../media/2025/price-list-abcdefabcd.webp\">list</a>"
                + " <img src=\"/media/2026/store-front-0123456789.png\" alt=\"again\"></p>"
                + "<p><img src=\"/media/2026/Store-Front-0123456789.png\"> <img src=\"/media/2026/x-01234.png\">"
                + " <img src=\"/media/2026/x-0123456789.svg\"> <a href=\"/media/2026/x-0123456789.png?download\">q</a></p>"
                + "<p>/media/2026/in-text-0123456789.png</p>";
        assertEquals(Set.of("2026/store-front-0123456789.png", "2025/price-list-abcdefabcd.webp"), MediaLinks.in(html),
                "only names the store makes, in an address of their own; once each");
    }
}

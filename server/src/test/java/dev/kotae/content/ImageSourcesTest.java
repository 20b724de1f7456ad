package dev.kotae.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImageSourcesTest {

    private final ImageSources sources = ImageSources.of(List.of("https://CDN.example.com/", "https://*.zendesk.com",
            "http://images.example.org:8080"));

    @Test
    void sourcesAreOriginsWrittenAsAPolicyWritesThem() {
        assertEquals(List.of("https://cdn.example.com", "https://*.zendesk.com", "http://images.example.org:8080"),
                sources.values());
        for (String bad : new String[] {"cdn.example.com", "https://cdn.example.com/images", "ftp://cdn.example.com",
                "https://*", "https://cdn.example.com:0", "https://cdn.example.com:70000", "'self'", "*", ""}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> ImageSources.of(List.of(bad)), bad);
            assertTrue(refused.getMessage().startsWith("site.imageSources: "), refused.getMessage());
        }
        assertSame(ImageSources.none(), ImageSources.of(null));
    }

    @Test
    void theHelpCenterOwnImagesAndTheSourcesAreAllowedNothingElse() {
        assertTrue(sources.allows("/media/2026/12/login.png"), "the help center's own upload");
        assertTrue(sources.allows("login.png"));
        assertTrue(sources.allows("https://cdn.example.com/a.png"));
        assertTrue(sources.allows("https://CDN.EXAMPLE.COM:443/a.png"), "case and the scheme's own port");
        assertTrue(sources.allows("//cdn.example.com/a.png"));
        assertTrue(sources.allows("https://acme.zendesk.com/hc/article_attachments/1/a.png"));
        assertTrue(sources.allows("https://images.example.org:8080/a.png"), "an http source covers https as a policy does");
        assertFalse(sources.allows("https://zendesk.com/a.png"), "*. is every subdomain, not the domain");
        assertFalse(sources.allows("https://evilzendesk.com/a.png"));
        assertFalse(sources.allows("https://cdn.example.com.evil.net/a.png"));
        assertFalse(sources.allows("http://cdn.example.com/a.png"), "an https source does not cover http");
        assertFalse(sources.allows("https://cdn.example.com:8443/a.png"));
        assertFalse(sources.allows("https://images.example.org/a.png"), "another port");
        assertFalse(sources.allows("https://tracker.example.net/p.gif"));
        assertFalse(ImageSources.none().allows("https://cdn.example.com/a.png"));
    }

    /** What a browser reads as another site is another site, however the address is dressed. */
    @Test
    void addressesABrowserReadsAsAnotherSiteAreNotTheHelpCentersOwn() {
        for (String src : new String[] {"/\\evil.example/x.png", "/\t/evil.example/x.png", "\u0001https://evil.example/x.png",
                " //evil.example/x.png", "\\\\evil.example/x.png", "/\n/evil.example/x.png"}) {
            assertFalse(sources.allows(src), src);
        }
        String html = "<p><img src=\"/\\evil.example/x.png\" alt=\"x\"></p>";
        assertEquals("<p><a href=\"//evil.example/x.png\" rel=\"nofollow noopener noreferrer\" class=\"external-image\">x</a></p>",
                sources.linkOthers(html), "linked as the browser would have fetched it");
    }

    @Test
    void theHelpCentersOwnPublicAddressIsOneOfItsOwn() {
        ImageSources withOwn = ImageSources.none().including(java.net.URI.create("https://help.example.com"));
        assertTrue(withOwn.allows("https://help.example.com/media/2026/a-0123456789.png"));
        assertFalse(withOwn.allows("https://other.example.com/a.png"));
        assertEquals(List.of("https://help.example.com"), withOwn.values());
        assertSame(sources, sources.including(null));
        assertSame(sources, sources.including(java.net.URI.create("http://[::1]:8080")), "never a reason not to start");
    }

    @Test
    void imagesFromElsewhereBecomeLinksToThem() {
        String html = "<p>Before <img src=\"https://tracker.example.net/p.gif?u=1\" alt=\"Screen &amp; menu\"> after</p>"
                + "<p><img src=\"https://cdn.example.com/a.png\" alt=\"kept\"><img src=\"/media/b.png\" alt=\"ours\"></p>"
                + "<p><a href=\"https://example.com/\"><img src=\"https://other.example.net/dir/logo.svg\"></a></p>";
        assertEquals("<p>Before <a href=\"https://tracker.example.net/p.gif?u=1\" rel=\"nofollow noopener noreferrer\""
                + " class=\"external-image\">Screen &amp; menu</a> after</p>"
                + "<p><img src=\"https://cdn.example.com/a.png\" alt=\"kept\"><img src=\"/media/b.png\" alt=\"ours\"></p>"
                + "<p><a href=\"https://example.com/\">logo.svg</a></p>", sources.linkOthers(html),
                "no alternative text: the file's name; inside a link, no link in a link");
    }

    @Test
    void htmlWithNothingToChangeComesBackAsItWas() {
        String html = "<p>No images&nbsp;here &lt;img&gt;</p>";
        assertSame(html, sources.linkOthers(html));
        String allowed = "<p><img src=\"/media/a.png\" alt=\"\" ></p>";
        assertSame(allowed, sources.linkOthers(allowed), "not written again when every image is allowed");
    }
}

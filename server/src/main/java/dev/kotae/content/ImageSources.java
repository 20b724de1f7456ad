package dev.kotae.content;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * Where articles' images may be shown from besides the help center itself ({@code site.imageSources}):
 * origins such as {@code https://cdn.example.com}, or {@code https://*.example.com} for every subdomain
 * (not the domain itself), as a content security policy reads them.
 *
 * <p>Pages allow these in their policy. An image from anywhere else is shown as a link to it
 * ({@link #linkOthers}): a customer's browser fetches nothing from a third party unasked, on the help center
 * (whose policy would block it and show a broken image) or in a widget on another site (whose page would
 * load it). Images of the help center itself, written as relative addresses or (with {@code site.baseUrl})
 * as absolute ones, always show. Immutable and thread-safe.
 */
public final class ImageSources {

    private static final Pattern SOURCE =
            Pattern.compile("(https?)://(\\*\\.)?([a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*)(:([0-9]{1,5}))?");
    private static final ImageSources NONE = new ImageSources(List.of());

    private final List<Source> sources;

    private ImageSources(List<Source> sources) {
        this.sources = sources;
    }

    /** No source besides the help center: every absolute image address becomes a link. */
    public static ImageSources none() {
        return NONE;
    }

    /**
     * The sources {@code values} name; {@code null} or empty is {@link #none()}. A trailing {@code /} is
     * dropped, case is folded.
     *
     * @throws IllegalArgumentException naming the value that is not an http(s) origin
     */
    public static ImageSources of(List<String> values) {
        if (values == null || values.isEmpty()) {
            return NONE;
        }
        return new ImageSources(values.stream().map(ImageSources::source).distinct().toList());
    }

    private static Source source(String value) {
        String text = value == null ? "" : value.strip().toLowerCase(Locale.ROOT).replaceFirst("/$", "");
        Matcher matcher = SOURCE.matcher(text);
        int port = matcher.matches() && matcher.group(8) != null ? Integer.parseInt(matcher.group(8)) : -1;
        if (!matcher.matches() || port == 0 || port > 65_535) {
            throw new IllegalArgumentException("site.imageSources: \"" + value + "\" is not an http(s) origin such as"
                    + " https://cdn.example.com or https://*.example.com (no path)");
        }
        return new Source(matcher.group(1), matcher.group(2) != null, matcher.group(3), port);
    }

    /**
     * These sources and the origin of {@code address} (the help center's public address: its own absolute
     * image addresses, common in migrated content, are its own images); these alone when it is {@code null}.
     */
    public ImageSources including(URI address) {
        if (address == null) {
            return this;
        }
        String origin = address.getScheme() + "://" + address.getHost() + (address.getPort() == -1 ? "" : ":" + address.getPort());
        Source own;
        try {
            own = source(origin);
        } catch (IllegalArgumentException e) {
            return this; // an address no policy source can name (an IPv6 literal): 'self' still covers it
        }
        List<Source> all = new java.util.ArrayList<>(sources);
        if (!all.contains(own)) {
            all.add(own);
        }
        return new ImageSources(List.copyOf(all));
    }

    /** The sources as they are written in a content security policy, in their order. */
    public List<String> values() {
        return sources.stream().map(Source::toString).toList();
    }

    /**
     * Whether an image at {@code src}, as an article's HTML writes it, may be shown: a relative address (the
     * help center's own) or one of the sources. Other schemes never reach here: rendering and sanitising
     * keep only http(s) image addresses.
     */
    public boolean allows(String src) {
        String address = asBrowsersRead(src);
        if (!address.startsWith("//") && !address.matches("(?s)^[A-Za-z][A-Za-z0-9+.-]*:.*")) {
            return true;
        }
        try {
            URI uri = new URI(address.startsWith("//") ? "https:" + address : address);
            String host = uri.getHost();
            return host != null && sources.stream().anyMatch(source -> source.covers(uri.getScheme(), host, uri.getPort()));
        } catch (URISyntaxException e) {
            return false; // a browser might still read it somehow: not ours to show
        }
    }

    /**
     * An address as a browser reads it before resolving it (the URL standard): control characters and
     * spaces at either end dropped, tabs and line breaks anywhere dropped, {@code \} as {@code /}. Without
     * this, {@code /\evil.example/x.png} would pass for the help center's own while a browser fetches it
     * from evil.example.
     */
    static String asBrowsersRead(String src) {
        return src.replaceAll("^[\\x00-\\x20]+|[\\x00-\\x20]+$", "").replaceAll("[\\t\\n\\r]", "").replace('\\', '/');
    }

    /** An image's {@code src} as rendering and sanitising write it: a quoted attribute of an {@code img} tag. */
    private static final Pattern IMAGE_SOURCE = Pattern.compile("<img\\b[^>]*?\\ssrc=\"([^\"]*)\"");

    /**
     * {@code html} with every image the sources do not allow replaced by a link to it, labelled with its
     * alternative text (or the file's name); inside a link, by the label alone. HTML without such an image
     * comes back as it was, unparsed (article pages are rendered per visitor).
     */
    public String linkOthers(String html) {
        if (!html.contains("<img") || !hasImageFromElsewhere(html)) {
            return html;
        }
        Document document = Jsoup.parseBodyFragment(html);
        document.outputSettings().prettyPrint(false);
        boolean changed = false;
        for (Element image : document.select("img[src]")) {
            String src = image.attr("src");
            if (allows(src)) {
                continue;
            }
            String label = label(image, src);
            if (image.closest("a") != null) {
                image.replaceWith(new TextNode(label));
            } else {
                image.replaceWith(new Element("a").attr("href", asBrowsersRead(src)).attr("rel", "nofollow noopener noreferrer")
                        .addClass("external-image").text(label));
            }
            changed = true;
        }
        return changed ? document.body().html() : html;
    }

    /** Whether some image of {@code html} is from a place not allowed (read without parsing the HTML). */
    private boolean hasImageFromElsewhere(String html) {
        Matcher image = IMAGE_SOURCE.matcher(html);
        while (image.find()) {
            if (!allows(org.jsoup.parser.Parser.unescapeEntities(image.group(1), true))) {
                return true;
            }
        }
        return false;
    }

    private static String label(Element image, String src) {
        String alt = image.attr("alt").strip();
        if (!alt.isEmpty()) {
            return alt;
        }
        String path = src.replaceFirst("[?#].*", "").replaceFirst("/+$", "");
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.isEmpty() ? src : name;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ImageSources that && sources.equals(that.sources);
    }

    @Override
    public int hashCode() {
        return sources.hashCode();
    }

    @Override
    public String toString() {
        return values().toString();
    }

    /** One origin, or every subdomain of a domain; {@code port} -1 for the scheme's own. */
    private record Source(String scheme, boolean subdomains, String host, int port) {

        /** As a content security policy judges it: an http source also covers https on the same host. */
        boolean covers(String scheme, String host, int port) {
            String given = scheme.toLowerCase(Locale.ROOT);
            String name = host.toLowerCase(Locale.ROOT);
            boolean schemeMatches = given.equals(this.scheme) || ("http".equals(this.scheme) && "https".equals(given));
            boolean hostMatches = subdomains ? name.endsWith("." + this.host) : name.equals(this.host);
            boolean portMatches = this.port == -1 ? port == -1 || port == defaultPort(given) : port == this.port;
            return schemeMatches && hostMatches && portMatches;
        }

        private static int defaultPort(String scheme) {
            return "https".equals(scheme) ? 443 : 80;
        }

        @Override
        public String toString() {
            return scheme + "://" + (subdomains ? "*." : "") + host + (port == -1 ? "" : ":" + port);
        }
    }
}

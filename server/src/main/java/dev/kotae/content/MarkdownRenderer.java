package dev.kotae.content;

import java.util.List;
import java.util.Map;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomNode;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.UrlSanitizer;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders article Markdown (CommonMark + GFM tables, autolinks, heading anchors) to safe HTML and to
 * plain text. Raw HTML in the source is escaped, never passed through, and link targets with unsafe
 * schemes ({@code javascript:}, {@code data:}, ...) are dropped, so an article cannot inject script.
 * Thread-safe.
 */
public final class MarkdownRenderer {

    private static final List<Extension> EXTENSIONS =
            List.of(TablesExtension.create(), AutolinkExtension.create(), HeadingAnchorExtension.create());

    /**
     * Japanese autolink bounds run after the extensions' own post-processing, so the autolinks they bound
     * are already made, and read the inline source spans.
     */
    private final Parser parser = Parser.builder().extensions(EXTENSIONS).postProcessor(new JapaneseAutolinkBounds())
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();
    private final HtmlRenderer html = HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new SafeUrls())
            .attributeProviderFactory(context -> MarkdownRenderer::externalLinkAttributes)
            .build();

    /**
     * The deepest document tree rendered: about a hundred lists or quotes inside one another, far past what
     * any article needs. commonmark renders by recursion, a level costing several stack frames, and a 2 KB
     * file of "- - - … x" overflowed a thread's stack; with the limit, whether a file renders does not
     * depend on the stack of the thread that reads it.
     */
    static final int MAX_NESTING = 200;
    private static final String TOO_DEEP = "the Markdown is nested too deeply to render (lists or quotes inside"
            + " one another, about a hundred deep)";

    /** A parsed body: its leading H1 (if any) and both renderings. */
    public record Rendered(String leadingHeading, String html, String text) {}

    /**
     * Renders an article body. A leading {@code # heading} that is the article's title is not repeated in
     * the body; any other leading heading stays.
     *
     * @param title the title from the front matter, or {@code null} when the leading heading is the title
     * @throws ContentException when the body is nested more than {@link #MAX_NESTING} levels deep
     */
    public Rendered render(String markdown, String title) throws ContentException {
        try {
            Node document = parser.parse(markdown);
            if (nesting(document) > MAX_NESTING) {
                throw new ContentException(TOO_DEEP);
            }
            String heading = leadingH1(document);
            if (heading != null && (title == null || heading.equals(title))) {
                document.getFirstChild().unlink();
            }
            return new Rendered(heading, html.render(document), plainText(document));
        } catch (StackOverflowError e) {
            // The nesting check should make this unreachable; if some other shape recurses as deep, it is
            // still this file's problem, not the end of the thread reading it.
            throw new ContentException(TOO_DEEP);
        }
    }

    /**
     * How many levels deep the document's tree goes, walked without recursion, stopping once past
     * {@link #MAX_NESTING}.
     */
    static int nesting(Node root) {
        int deepest = 0;
        int depth = 0;
        Node node = root;
        while (true) {
            Node child = node.getFirstChild();
            if (child != null) {
                node = child;
                deepest = Math.max(deepest, ++depth);
                if (deepest > MAX_NESTING) {
                    return deepest;
                }
                continue;
            }
            while (node != root && node.getNext() == null) {
                node = node.getParent();
                depth--;
            }
            if (node == root) {
                return deepest;
            }
            node = node.getNext();
        }
    }

    private static String leadingH1(Node document) {
        if (document.getFirstChild() instanceof Heading heading && heading.getLevel() == 1) {
            StringBuilder title = new StringBuilder();
            for (Node child = heading.getFirstChild(); child != null; child = child.getNext()) {
                appendText(child, title);
            }
            return title.toString().strip();
        }
        return null;
    }

    /**
     * The words of the document without markup or link targets (they would pollute snippets and
     * scoring): text and code literals, with a line break after each block.
     */
    private static String plainText(Node document) {
        StringBuilder out = new StringBuilder();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                out.append(text.getLiteral());
            }

            @Override
            public void visit(Code code) {
                out.append(code.getLiteral());
            }

            @Override
            public void visit(FencedCodeBlock code) {
                out.append(code.getLiteral()).append('\n');
            }

            @Override
            public void visit(IndentedCodeBlock code) {
                out.append(code.getLiteral()).append('\n');
            }

            @Override
            public void visit(SoftLineBreak lineBreak) {
                out.append(' ');
            }

            @Override
            public void visit(HardLineBreak lineBreak) {
                out.append('\n');
            }

            @Override
            public void visit(Paragraph paragraph) {
                visitChildren(paragraph);
                out.append('\n');
            }

            @Override
            public void visit(Heading heading) {
                visitChildren(heading);
                out.append('\n');
            }

            @Override
            public void visit(CustomNode node) {
                visitChildren(node);
                out.append(' ');
            }
        });
        return collapseLineBreaks(out).strip();
    }

    /**
     * Each line break with the spaces and tabs before it and the line breaks and spaces after it becomes one
     * line break, in one pass. (The regular expression this replaces, {@code "[ \t]*\n[\n\s]*"} in Java
     * source, where {@code \s} is a space, backtracked over every run of blanks not followed by a line
     * break: a body of 400,000 spaces took minutes on the index's one writer thread.)
     */
    static String collapseLineBreaks(CharSequence text) {
        StringBuilder collapsed = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i++);
            if (c != '\n') {
                collapsed.append(c);
                continue;
            }
            int end = collapsed.length();
            while (end > 0 && (collapsed.charAt(end - 1) == ' ' || collapsed.charAt(end - 1) == '\t')) {
                end--;
            }
            collapsed.setLength(end);
            collapsed.append('\n');
            while (i < text.length() && (text.charAt(i) == '\n' || text.charAt(i) == ' ')) {
                i++;
            }
        }
        return collapsed.toString();
    }

    private static void appendText(Node node, StringBuilder out) {
        if (node instanceof Text text) {
            out.append(text.getLiteral());
        } else if (node instanceof Code code) {
            out.append(code.getLiteral()); // `# Reset the `admin` password` keeps "admin" in the title
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            appendText(child, out);
        }
    }

    /**
     * Link and image targets: web, mail and phone links and relative paths only. Everything else
     * ({@code javascript:}, {@code data:}, {@code vbscript:}, {@code file:}) becomes an empty target.
     */
    private static final class SafeUrls implements UrlSanitizer {
        private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");
        private static final Set<String> ALLOWED = Set.of("http", "https", "mailto", "tel");

        @Override
        public String sanitizeLinkUrl(String url) {
            // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:").
            String compact = url.replaceAll("[\\x00-\\x20\\x7f]", "");
            Matcher scheme = SCHEME.matcher(compact);
            if (scheme.find() && !ALLOWED.contains(scheme.group(1).toLowerCase(java.util.Locale.ROOT))) {
                return "";
            }
            return url;
        }

        @Override
        public String sanitizeImageUrl(String url) {
            return sanitizeLinkUrl(url);
        }
    }

    /** External links open without handing the help center's page to the target (noopener) or lending it rank. */
    private static void externalLinkAttributes(Node node, String tagName, Map<String, String> attributes) {
        if (node instanceof Link && isExternal(attributes.get("href"))) {
            attributes.put("rel", "nofollow noopener noreferrer");
        }
    }

    private static boolean isExternal(String href) {
        return href != null && (href.startsWith("http://") || href.startsWith("https://") || href.startsWith("//"));
    }
}

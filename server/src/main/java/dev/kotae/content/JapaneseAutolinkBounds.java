package dev.kotae.content;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.PostProcessor;

/**
 * Ends the links the autolink extension finds in bare text where Japanese text around them begins.
 *
 * <p>Japanese is written without spaces, and the autolink scanner takes any character from U+0080 up as
 * part of an address: 「詳しくはhttps://example.com/helpをご覧ください。」 linked the whole rest of the
 * sentence, and 「すべて「@shop.example」のアドレスから」 became a {@code mailto:} link of the sentence around
 * the domain (on an article warning customers about phishing). This cuts each such link at the first
 * Japanese character (kana, kanji, CJK punctuation, full-width forms) and, for an e-mail address, starts it
 * after the last one before the {@code @}; what is cut off stays as plain text, and a link left with no
 * address (nothing before the {@code @}, or no host) is plain text entirely. Other non-ASCII letters
 * (an accented domain) stay in the link. Links written as {@code [text](url)} or {@code <url>} are
 * left alone: their bounds are the author's. The parser must include inline source spans, which tell
 * the two kinds of autolink apart.
 */
final class JapaneseAutolinkBounds implements PostProcessor {

    private static final String MAILTO = "mailto:";

    @Override
    public Node process(Node document) {
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                Text text = bareAutolink(link);
                if (text != null) {
                    bound(link, text);
                } else {
                    visitChildren(link);
                }
            }
        });
        return document;
    }

    /**
     * The link's one text when the autolink extension made it from bare text: its text is its destination
     * as written, and its source is just that text (an angle-bracket autolink's source has the brackets
     * too, which needs the parser's inline source spans), else {@code null}.
     */
    private static Text bareAutolink(Link link) {
        if (link.getTitle() == null && link.getFirstChild() instanceof Text text && text.getNext() == null) {
            String written = text.getLiteral();
            String destination = link.getDestination();
            boolean bare = link.getSourceSpans().size() == 1 && link.getSourceSpans().get(0).getLength() == written.length();
            if (bare && (destination.equals(written) || destination.equals(MAILTO + written)
                    || destination.equals("http://" + written))) {
                return text;
            }
        }
        return null;
    }

    private static void bound(Link link, Text text) {
        String written = text.getLiteral();
        boolean mail = link.getDestination().startsWith(MAILTO) && !written.startsWith(MAILTO);
        int at = mail ? written.indexOf('@') : -1;
        int start = 0;
        if (mail) {
            for (int i = at - 1; i >= 0; i--) {
                if (japanese(written.charAt(i))) {
                    start = i + 1;
                    break;
                }
            }
        }
        int end = written.length();
        for (int i = Math.max(start, at + 1); i < written.length(); i++) {
            if (japanese(written.charAt(i))) {
                end = i;
                break;
            }
        }
        if (start == 0 && end == written.length()) {
            return;
        }
        String address = written.substring(start, end);
        boolean usable = mail ? at > start && address.indexOf('.', at - start) > at - start + 1 : !address.isEmpty();
        if (start > 0) {
            link.insertBefore(new Text(written.substring(0, start)));
        }
        if (end < written.length()) {
            link.insertAfter(new Text(written.substring(end)));
        }
        if (usable) {
            text.setLiteral(address);
            link.setDestination(link.getDestination().substring(0, link.getDestination().length() - written.length())
                    + address);
        } else {
            link.insertBefore(new Text(address));
            link.unlink();
        }
    }

    /** Kana, kanji, CJK symbols and punctuation, and full-width forms: where a Japanese sentence goes on. */
    static boolean japanese(char c) {
        return c >= '\u3000' && c <= '\u30FF' // CJK symbols and punctuation, hiragana, katakana
                || c >= '\u3400' && c <= '\u9FFF' // CJK ideographs (extension A and unified)
                || c >= '\uF900' && c <= '\uFAFF' // CJK compatibility ideographs
                || c >= '\uFF00' && c <= '\uFFEF'; // full-width and half-width forms
    }
}

package dev.kotae.analytics;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kotae.plugin.ClickEvent;
import dev.kotae.plugin.DeflectionEvent;
import dev.kotae.plugin.FeedbackEvent;
import dev.kotae.plugin.KotaeEvent;
import dev.kotae.plugin.SearchEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * An event as one line of the {@link EventJournal}: compact JSON ending in a newline, and back. Events of
 * types this server does not know (a plugin's own) are kept by name and time only, as the database
 * stores nothing else of them.
 */
final class JournalLines {

    /**
     * The fields of every event type; which are set depends on {@code t}. The requester's ({@link Requester})
     * are {@code au} (audience), {@code ch} (the client's hashed address) and {@code bot} (looked automated),
     * left out when not known, so lines written before they existed read as {@link Requester#UNKNOWN}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Line(String t, String at, String s, String q, String l, Long n, List<String> ids, String o, String a,
            Integer r, Boolean h, String c, String w, String act, String au, String ch, Boolean bot) {

        Line with(Requester requester) {
            return new Line(t, at, s, q, l, n, ids, o, a, r, h, c, w, act, requester.audience(),
                    cap(requester.client()), requester.automated() ? Boolean.TRUE : null);
        }

        Requester requester() {
            String audience = Requester.PUBLIC.equals(au) || Requester.AGENTS.equals(au) ? au : null;
            return new Requester(audience, ch, Boolean.TRUE.equals(bot));
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private JournalLines() {}

    /**
     * Strings are kept to this many characters and result ids to {@link #MAX_IDS}: more than any column
     * stores, and it bounds a line (a plugin may record any event it likes).
     */
    static final int MAX_TEXT = 4000;
    static final int MAX_IDS = 50;

    static byte[] encode(KotaeEvent event, Requester requester) throws IOException {
        String at = event.at().toString();
        String session = cap(event.sessionId());
        Line line;
        if (event instanceof SearchEvent e) {
            line = new Line(EventNames.SEARCH, at, session, cap(e.query()), cap(e.locale()), e.resultCount(),
                    e.topIds().stream().limit(MAX_IDS).map(JournalLines::cap).toList(), cap(e.origin()), null, null,
                    null, null, null, null, null, null, null);
        } else if (event instanceof ClickEvent e) {
            line = new Line(EventNames.CLICK, at, session, cap(e.query()), null, null, null, null, cap(e.articleId()),
                    e.rank(), null, null, null, null, null, null, null);
        } else if (event instanceof FeedbackEvent e) {
            line = new Line(EventNames.FEEDBACK, at, session, null, null, null, null, null, cap(e.articleId()), null,
                    e.helpful(), cap(e.comment()), null, null, null, null, null);
        } else if (event instanceof DeflectionEvent e) {
            line = new Line(EventNames.DEFLECTION, at, session, cap(e.query()), null, null, null, null,
                    cap(e.articleId()), null, null, null, cap(e.widget()), cap(e.action()), null, null, null);
        } else if (event instanceof ArticleViewEvent e) {
            line = new Line(EventNames.VIEW, at, session, null, null, null, null, null, cap(e.articleId()), null,
                    null, null, null, null, null, null, null);
        } else {
            line = new Line(EventNames.of(event), at, session, null, null, null, null, null, null, null, null, null,
                    null, null, null, null, null);
        }
        byte[] json = JSON.writeValueAsBytes(line.with(requester == null ? Requester.UNKNOWN : requester));
        byte[] withNewline = new byte[json.length + 1];
        System.arraycopy(json, 0, withNewline, 0, json.length);
        withNewline[json.length] = '\n';
        return withNewline;
    }

    private static String cap(String text) {
        return EventRecorder.fit(text, MAX_TEXT);
    }

    /** The event of a line (without its newline), with its requester. */
    static RecordedEvent decode(byte[] bytes, int offset, int length) throws IOException {
        Line line = JSON.readValue(new String(bytes, offset, length, StandardCharsets.UTF_8), Line.class);
        return new RecordedEvent(event(line), line.requester());
    }

    private static KotaeEvent event(Line line) {
        Instant at = Instant.parse(line.at());
        return switch (line.t()) {
            case EventNames.SEARCH -> new SearchEvent(at, line.s(), line.q(), line.l(),
                    line.n() == null ? 0 : line.n(), line.ids() == null ? List.of() : line.ids(), line.o());
            case EventNames.CLICK -> new ClickEvent(at, line.s(), line.q(), line.a(), line.r() == null ? 0 : line.r());
            case EventNames.FEEDBACK -> new FeedbackEvent(at, line.s(), line.a(), Boolean.TRUE.equals(line.h()), line.c());
            case EventNames.DEFLECTION -> new DeflectionEvent(at, line.s(), line.w(), line.act(), line.q(), line.a());
            case EventNames.VIEW -> new ArticleViewEvent(at, line.s(), line.a());
            default -> new OtherEvent(at, line.s());
        };
    }

    /** An event of a type only a plugin knows, as far as the database keeps it. */
    record OtherEvent(Instant at, String sessionId) implements KotaeEvent {}
}

package dev.kotae.widget.answerbot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kotae.plugin.DeflectionEvent;
import dev.kotae.plugin.HelpCenter;
import dev.kotae.plugin.HelpCenter.ArticleView;
import dev.kotae.plugin.HelpCenter.Hit;
import dev.kotae.plugin.PluginContext;
import dev.kotae.plugin.SearchEvent;
import dev.kotae.plugin.Widget;
import dev.kotae.plugin.WidgetRequest;
import dev.kotae.plugin.WidgetResponse;
import dev.kotae.widget.answerbot.Candidates.Candidate;
import dev.kotae.widget.answerbot.Params.BadRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * A chat bubble that answers a customer's question with one article when the help center is confident
 * enough, and otherwise offers a short list and the contact page. The browser side is
 * {@code widget/bot.js}; this class serves {@code GET /api/v1/widgets/widget-answer-bot/ask?q=&locale=}:
 *
 * <pre>
 * {"answered": true,
 *  "answer": {"id", "title", "url", "summary", "source", "sourceNote", "duplicates": [ids]},
 *  "alternatives": [{"id", "title", "url"}, ...up to 3],
 *  "contactUrl": "/contact" | null}
 * </pre>
 *
 * or {@code "answered": false, "answer": null} with the best hits as alternatives. The decision is
 * {@link ConfidenceRule} over the top {@value #HITS} public hits folded into {@link Candidates} (the
 * copies of one answer from several sources count once); the answer comes from the candidate's preferred
 * copy and says which source that is; the summary is the article's plain text cut by {@link Summaries}. Each question is recorded as a {@link SearchEvent} with origin
 * {@code widget:<plugin-id>}, and an answer as a {@link DeflectionEvent} {@code answered}. The customer's
 * verdict (solved, not-solved, opened) comes from the browser through {@code POST /api/v1/events}.
 */
@Extension
public class AnswerBotWidget implements Widget {

    /**
     * Hits fetched per question: the answer, its copies from other sources, the runner-up and the
     * alternatives.
     */
    static final int HITS = 6;
    static final int MAX_ALTERNATIVES = 3;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final WidgetResponse METHOD_NOT_ALLOWED = WidgetResponse.error(405, "method_not_allowed", "use GET");

    /** Everything {@link #start} sets up, published at once so that request threads see all of it. */
    private record Started(PluginContext context, HelpCenter helpCenter, BotSettings settings, String origin) {}

    private volatile Started started;

    @Override
    public void start(PluginContext context) {
        BotSettings settings = context.settings(BotSettings.class);
        started = new Started(context, context.helpCenter(), settings, "widget:" + context.pluginId());
    }

    @Override
    public void stop() {
        started = null;
    }

    @Override
    public WidgetResponse handle(WidgetRequest request) throws JsonProcessingException {
        Started s = started;
        if (s == null) {
            throw new IllegalStateException("widget-answer-bot is not started");
        }
        if (!request.path().equals("ask")) {
            return WidgetResponse.notFound();
        }
        if (!request.method().equals("GET")) {
            return METHOD_NOT_ALLOWED;
        }
        try {
            return WidgetResponse.json(JSON.writeValueAsString(ask(s, request)));
        } catch (BadRequest e) {
            return WidgetResponse.badRequest(e.getMessage());
        }
    }

    private Reply ask(Started s, WidgetRequest request) {
        String question = Params.question(request);
        String locale = Params.locale(request);
        List<Hit> hits;
        long total;
        try {
            HelpCenter.SearchPage page = s.helpCenter().search(question, locale, HITS);
            hits = page.hits().stream().limit(HITS).toList();
            total = page.total();
        } catch (IllegalArgumentException e) {
            // The help center rejects locales it does not serve; that is the caller's mistake.
            throw new BadRequest(e.getMessage());
        }
        Instant now = Instant.now();
        String session = request.sessionId();
        s.context().record(new SearchEvent(now, session, question, locale, total,
                hits.stream().map(Hit::id).toList(), s.origin()));

        List<Candidate> candidates = Candidates.of(hits, s.helpCenter()::article);
        // The article can vanish between search and lookup (content reloaded): then there is no answer.
        Optional<Candidates.Copy> best = s.settings().rule().confident(candidates.stream().map(Candidate::score).toList())
                ? candidates.get(0).preferred()
                : Optional.empty();
        Answer answer = best.map(copy -> answer(copy, candidates.get(0), locale, s.settings())).orElse(null);
        if (answer != null) {
            s.context().record(DeflectionEvent.builder(s.context().pluginId(), DeflectionEvent.ANSWERED)
                    .at(now).sessionId(session).query(question).articleId(answer.id()).build());
        }
        // One alternative per candidate, its preferred copy: a list of twins would waste the customer's time.
        List<Alternative> alternatives = candidates.stream()
                .skip(answer == null ? 0 : 1)
                .map(c -> c.preferred().map(Candidates.Copy::hit).orElse(c.copies().get(0).hit()))
                .limit(MAX_ALTERNATIVES)
                .map(hit -> new Alternative(hit.id(), hit.title(), hit.url()))
                .toList();
        return new Reply(answer != null, answer, alternatives, s.settings().contactUrl());
    }

    private static Answer answer(Candidates.Copy copy, Candidate candidate, String locale, BotSettings settings) {
        ArticleView view = copy.view();
        String source = Candidates.source(view);
        List<String> duplicates = candidate.copies().stream()
                .map(c -> c.hit().id())
                .filter(id -> !id.equals(view.id()))
                .toList();
        return new Answer(view.id(), view.title(), view.url(), Summaries.cut(view.text(), settings.summaryLength()),
                source, SourceNotes.note(source, locale == null ? view.locale() : locale), duplicates);
    }

    /** The {@code ask} answer. */
    record Reply(boolean answered, Answer answer, List<Alternative> alternatives, String contactUrl) {}

    /**
     * The article the bot answers with.
     *
     * @param summary plain text
     * @param source {@link Candidates#source}: {@code help-center} or a plugin source's id
     * @param sourceNote the sentence telling the customer where the answer comes from, in their language
     * @param duplicates the ids of the other sources' copies of this answer that counted as one with it
     */
    record Answer(String id, String title, String url, String summary, String source, String sourceNote,
            List<String> duplicates) {}

    /** Another article that may help. */
    record Alternative(String id, String title, String url) {}
}

package dev.kotae.widget.deflect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kotae.plugin.HelpCenter;
import dev.kotae.plugin.PluginContext;
import dev.kotae.plugin.SearchEvent;
import dev.kotae.plugin.Widget;
import dev.kotae.plugin.WidgetRequest;
import dev.kotae.plugin.WidgetResponse;
import dev.kotae.widget.deflect.Params.BadRequest;
import java.time.Instant;
import java.util.List;
import org.pf4j.Extension;

/**
 * Suggests help-center articles on a contact form while the customer is still typing, so that some of
 * them find the answer instead of sending a ticket. The browser side is {@code widget/deflect.js}; this
 * class serves its two endpoints under {@code /api/v1/widgets/widget-contact-deflect/}:
 *
 * <ul>
 *   <li>{@code GET suggest?q=&locale=}: {@code {"articles":[{"id","title","url","snippet"}]}}, at most
 *       {@link DeflectSettings#maxResults()} public hits; empty for a query shorter than
 *       {@link DeflectSettings#minQueryLength()}. Each search is recorded as a {@link SearchEvent} with origin
 *       {@code widget:<plugin-id>}.</li>
 *   <li>{@code GET article?id=}: {@code {"id","title","url","html"}} of a public article (the server has
 *       sanitised the HTML), 404 when it is missing or internal.</li>
 * </ul>
 *
 * URLs are paths on the help center ({@code /articles/refund-timing}); the browser resolves them against
 * the server it loaded the script from. The widget's other events (shown, opened, solved, submitted) come
 * from the browser through {@code POST /api/v1/events}.
 */
@Extension
public class ContactDeflectWidget implements Widget {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final WidgetResponse METHOD_NOT_ALLOWED = WidgetResponse.error(405, "method_not_allowed", "use GET");
    private static final WidgetResponse NO_SUCH_ARTICLE = WidgetResponse.error(404, "not_found", "no such article");

    /** Everything {@link #start} sets up, published at once so that request threads see all of it. */
    private record Started(PluginContext context, HelpCenter helpCenter, DeflectSettings settings, String origin) {}

    private volatile Started started;

    @Override
    public void start(PluginContext context) {
        DeflectSettings settings = context.settings(DeflectSettings.class);
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
            throw new IllegalStateException("widget-contact-deflect is not started");
        }
        String path = request.path();
        if (!path.equals("suggest") && !path.equals("article")) {
            return WidgetResponse.notFound();
        }
        if (!request.method().equals("GET")) {
            return METHOD_NOT_ALLOWED;
        }
        try {
            return path.equals("suggest") ? suggest(s, request) : article(s, request);
        } catch (BadRequest e) {
            return WidgetResponse.badRequest(e.getMessage());
        }
    }

    private WidgetResponse suggest(Started s, WidgetRequest request) throws JsonProcessingException {
        String query = Params.query(request);
        String locale = Params.locale(request);
        if (Params.length(query) < s.settings().minQueryLength()) {
            return json(new Suggestions(List.of()));
        }
        HelpCenter.SearchPage page;
        try {
            page = s.helpCenter().search(query, locale, s.settings().maxResults());
        } catch (IllegalArgumentException e) {
            // The help center rejects locales it does not serve; that is the caller's mistake.
            throw new BadRequest(e.getMessage());
        }
        List<SuggestedArticle> articles = page.hits().stream()
                .limit(s.settings().maxResults())
                .map(hit -> new SuggestedArticle(hit.id(), hit.title(), hit.url(), hit.snippet()))
                .toList();
        List<String> ids = articles.stream().map(SuggestedArticle::id).toList();
        s.context().record(new SearchEvent(Instant.now(), request.sessionId(), query, locale, page.total(), ids,
                s.origin()));
        return json(new Suggestions(articles));
    }

    private WidgetResponse article(Started s, WidgetRequest request) throws JsonProcessingException {
        String id = Params.id(request);
        var article = s.helpCenter().article(id);
        if (article.isEmpty()) {
            return NO_SUCH_ARTICLE;
        }
        var view = article.get();
        return json(new ArticleBody(view.id(), view.title(), view.url(), view.html()));
    }

    private static WidgetResponse json(Object body) throws JsonProcessingException {
        return WidgetResponse.json(JSON.writeValueAsString(body));
    }

    /** The {@code suggest} answer. */
    record Suggestions(List<SuggestedArticle> articles) {}

    /** One suggested article; {@code snippet} is HTML with only {@code <mark>} and escaped text. */
    record SuggestedArticle(String id, String title, String url, String snippet) {}

    /** The {@code article} answer; {@code html} is the server's sanitised body. */
    record ArticleBody(String id, String title, String url, String html) {}
}

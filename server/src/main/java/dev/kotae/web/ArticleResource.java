package dev.kotae.web;

import dev.kotae.analytics.ClientAddresses;
import dev.kotae.auth.Caller;
import dev.kotae.content.Article;
import dev.kotae.feedback.FeedbackStore;
import dev.kotae.feedback.Votes;
import dev.kotae.analytics.Requester;
import dev.kotae.http.ApiException;
import dev.kotae.http.BrowserCookies;
import dev.kotae.http.Callers;
import dev.kotae.search.ArticleService;
import dev.kotae.search.Audience;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.util.List;
import java.util.UUID;

/** {@code /api/v1/articles/{id}} and its feedback. */
@Path("/api/v1/articles/{id}")
@Produces(MediaType.APPLICATION_JSON)
public final class ArticleResource {

    /** The article as the API returns it. */
    public record ArticleResponse(String id, String title, String type, String locale, String category,
            List<String> tags, List<String> questions, String visibility, String updated, String url, String html,
            List<ArticleService.Related> related, String translationKey, List<ArticleService.Translation> translations) {

        static ArticleResponse of(ArticleService.ArticleView view) {
            Article a = view.article();
            return new ArticleResponse(a.id(), a.title(), a.type().key(), a.locale(), a.category(), a.tags(),
                    a.questions(), a.visibility().key(), a.updated().toString(), a.url(), a.html(), view.related(),
                    a.translationKey(), view.translations());
        }
    }

    /**
     * A vote, {@code {"helpful": true, "comment": "..."}}, or a comment on the visitor's vote,
     * {@code {"comment": "..."}}.
     */
    public record FeedbackRequest(Boolean helpful, String comment) {}

    /**
     * The acknowledgement of a stored vote, as it now stands.
     *
     * @param session the visitor id the vote belongs to: send it as {@code X-Kotae-Session} to change the
     *     vote or comment on it (a new one when the request named none)
     */
    public record FeedbackResponse(String id, String articleId, boolean helpful, String comment, boolean recorded,
            String session) {

        static FeedbackResponse of(FeedbackStore.Feedback vote) {
            return new FeedbackResponse(vote.id(), vote.articleId(), vote.helpful(), vote.comment(), true, vote.visitor());
        }
    }

    private final ArticleService articles;
    private final Votes votes;
    private final ClientAddresses addresses;

    public ArticleResource(ArticleService articles, Votes votes, ClientAddresses addresses) {
        this.articles = articles;
        this.votes = votes;
        this.addresses = addresses;
    }

    @GET
    public ArticleResponse get(@PathParam("id") String id, @Context SecurityContext security) throws IOException {
        return ArticleResponse.of(find(id, Callers.caller(security)));
    }

    /**
     * Casts or changes the visitor's vote (201 for a first vote, 200 for a change), or with no
     * {@code helpful}, comments on it (200; 409 {@code no_vote} when the visitor has not voted). The visitor
     * is the {@code X-Kotae-Session} header, else the site's visitor cookie, else a new id (returned).
     */
    @POST
    @Path("feedback")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response vote(@PathParam("id") String id, FeedbackRequest vote,
            @HeaderParam(Sessions.HEADER) String session, @CookieParam(BrowserCookies.VISITOR) String visitorCookie,
            @Context SecurityContext security, @Context HttpServletRequest http) throws IOException {
        if (vote == null || vote.helpful() == null && (vote.comment() == null || vote.comment().isBlank())) {
            throw ApiException.badRequest("bad_feedback", "send {\"helpful\": true|false, \"comment\": \"optional\"},"
                    + " or {\"comment\": \"...\"} to comment on your vote");
        }
        Caller caller = Callers.caller(security);
        Article article = find(id, caller).article();
        String visitor = visitor(session, visitorCookie);
        Requester requester = Requesters.of(addresses, http, caller);
        if (vote.helpful() == null) {
            FeedbackStore.Feedback commented = votes.comment(article.id(), vote.comment(), visitor, requester)
                    .orElseThrow(() -> new ApiException(409, "no_vote",
                            "vote first (send \"helpful\"), then comment on your vote with the same X-Kotae-Session"));
            return Response.ok(FeedbackResponse.of(commented)).build();
        }
        Votes.Cast cast = votes.cast(article.id(), vote.helpful(), vote.comment(), visitor, requester);
        return Response.status(cast.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(FeedbackResponse.of(cast.vote())).build();
    }

    /** Who votes: the session header, else the site's visitor cookie, else someone new. */
    private static String visitor(String session, String visitorCookie) {
        String named = Sessions.valid(session);
        if (named == null) {
            named = Sessions.valid(visitorCookie);
        }
        return named != null ? named : UUID.randomUUID().toString();
    }

    private ArticleService.ArticleView find(String id, Caller caller) throws IOException {
        return articles.find(id, Audience.of(caller)).orElseThrow(() -> ApiException.notFound("article"));
    }
}

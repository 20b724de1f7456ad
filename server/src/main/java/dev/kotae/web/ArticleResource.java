package dev.kotae.web;

import dev.kotae.analytics.ClientAddresses;
import dev.kotae.auth.Caller;
import dev.kotae.content.Article;
import dev.kotae.feedback.FeedbackStore;
import dev.kotae.feedback.Votes;
import dev.kotae.http.ApiException;
import dev.kotae.http.Callers;
import dev.kotae.search.ArticleService;
import dev.kotae.search.Audience;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
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

    /** A vote: {@code {"helpful": true, "comment": "..."}}. */
    public record FeedbackRequest(Boolean helpful, String comment) {}

    /** The acknowledgement of a stored vote. */
    public record FeedbackResponse(String id, String articleId, boolean helpful, boolean recorded) {}

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

    @POST
    @Path("feedback")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response vote(@PathParam("id") String id, FeedbackRequest vote,
            @HeaderParam(Sessions.HEADER) String session, @Context SecurityContext security,
            @Context HttpServletRequest http) throws IOException {
        if (vote == null || vote.helpful() == null) {
            throw ApiException.badRequest("bad_feedback", "send {\"helpful\": true|false, \"comment\": \"optional\"}");
        }
        Caller caller = Callers.caller(security);
        Article article = find(id, caller).article();
        FeedbackStore.Feedback stored = votes.cast(article.id(), vote.helpful(), vote.comment(), Sessions.valid(session),
                Requesters.of(addresses, http, caller));
        return Response.status(Response.Status.CREATED)
                .entity(new FeedbackResponse(stored.id(), stored.articleId(), stored.helpful(), true)).build();
    }

    private ArticleService.ArticleView find(String id, Caller caller) throws IOException {
        return articles.find(id, Audience.of(caller)).orElseThrow(() -> ApiException.notFound("article"));
    }
}

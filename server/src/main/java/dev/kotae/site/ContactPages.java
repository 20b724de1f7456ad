package dev.kotae.site;

import dev.kotae.analytics.ClientAddresses;
import dev.kotae.analytics.EventBus;
import dev.kotae.analytics.EventThrottle;
import dev.kotae.auth.Caller;
import dev.kotae.config.ContactConfig;
import dev.kotae.contact.ContactDesk;
import dev.kotae.content.Article;
import dev.kotae.http.ApiException;
import dev.kotae.http.Callers;
import dev.kotae.plugin.DeflectionEvent;
import dev.kotae.plugin.HelpCenter;
import dev.kotae.plugins.PublicHelpCenter;
import dev.kotae.search.SearchRequest;
import dev.kotae.util.Texts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code /contact}: the customer picks a category, types a subject and a description while matching public
 * articles are suggested ({@code contact.js} asks {@code GET /contact/suggest}, which is the help center's
 * public search, as the deflection widget's), and submits. The form works without a script: a plain post
 * with the CSRF field, checked here, answered with the same page and its errors (400), or stored in the
 * contact queue and answered with a redirect to {@code /contact/sent}. A filled honeypot field is answered
 * as a success and dropped; each client address may submit {@code contact.submissionsPerMinutePerClient}
 * times a minute (429 beyond); the body is limited by {@code server.maxRequestBodyKilobytes} before anything
 * reads it, and each field here. The funnel is recorded as {@link DeflectionEvent}s of widget
 * {@code contact/<category>} ({@code contact} before one is picked): {@code viewed} here, {@code shown},
 * {@code opened} and {@code solved} by the script through {@code POST /api/v1/events}, {@code submitted} here.
 */
@Path("/contact")
@SitePage
@Produces(MediaType.TEXT_HTML)
public final class ContactPages {

    static final int MAX_NAME = 100;
    static final int MAX_EMAIL = 254;
    static final int MAX_SUBJECT = 200;
    static final int MAX_DESCRIPTION = 4000;
    /** Articles suggested at most, as the deflection widget's default. */
    static final int SUGGESTED = 3;
    /** Article ids kept with a request, of each list. */
    static final int MAX_ARTICLES = 20;
    /** The honeypot: hidden from people, filled by bots that fill every field. */
    static final String HONEYPOT = "website";
    static final String VIEWED = "viewed";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s.]+");

    /** One category choice on the form. */
    public record CategoryChoice(String id, String label, String priority, boolean selected) {}

    /** A field's problem, linked from the summary above the form. */
    public record FieldError(String field, String text) {}

    /**
     * The form as shown: the fields as typed (never the honeypot), their errors, and a notice.
     *
     * @param session the visitor id the script reports its events with
     */
    public record Form(List<CategoryChoice> categories, String name, String email, String subject,
            String description, Map<String, String> errors, Pages.Notice notice, String session, String assetVersion,
            int maxName, int maxEmail, int maxSubject, int maxDescription) {

        public String error(String field) {
            return errors.get(field);
        }

        public boolean hasError(String field) {
            return errors.containsKey(field);
        }

        public boolean hasErrors() {
            return !errors.isEmpty();
        }

        public List<FieldError> errorList() {
            return errors.entrySet().stream().map(e -> new FieldError(e.getKey(), e.getValue())).toList();
        }

        /** The {@code aria-describedby} of a field: its error, when it has one. */
        public String describedBy(String field) {
            return hasError(field) ? "contact-" + field + "-error" : null;
        }
    }

    private final Site site;
    private final ContactDesk desk;
    private final PublicHelpCenter helpCenter;
    private final EventBus events;
    private final ClientAddresses addresses;
    private final EventThrottle submissions;

    public ContactPages(Site site, ContactDesk desk, PublicHelpCenter helpCenter, EventBus events,
            ClientAddresses addresses) {
        this.site = site;
        this.desk = desk;
        this.helpCenter = helpCenter;
        this.events = events;
        this.addresses = addresses;
        this.submissions = new EventThrottle(desk.config().submissionsPerMinutePerClient());
    }

    @GET
    public Response form(@QueryParam("category") String category, @Context ContainerRequestContext request,
            @Context HttpServletRequest http) {
        ContactConfig.Category picked = enabled().category(category);
        Caller caller = Callers.caller(request.getSecurityContext());
        record(request, http, caller, picked, VIEWED, null, null);
        return page(request, caller, 200, picked == null ? null : picked.id(), Map.of(), Map.of(), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(MultivaluedMap<String, String> posted, @Context ContainerRequestContext request,
            @Context HttpServletRequest http) {
        ContactConfig config = enabled();
        site.checkForm(request, posted.getFirst("csrf"));
        Caller caller = Callers.caller(request.getSecurityContext());
        Map<String, String> typed = typed(posted);
        Messages messages = Messages.of(site.language(request));
        OptionalLong wait = submissions.admit(http.getRemoteAddr());
        if (wait.isPresent()) {
            return Response.fromResponse(page(request, caller, 429, typed.get("category"), typed, Map.of(),
                    new Pages.Notice(messages.text("contact.throttled", wait.getAsLong()), true)))
                    .header(HttpHeaders.RETRY_AFTER, wait.getAsLong()).build();
        }
        if (!field(posted, HONEYPOT).isEmpty()) {
            // Answered as a success, so the bot learns nothing; nothing is stored or sent.
            return sent();
        }
        ContactConfig.Category category = config.category(typed.get("category"));
        Map<String, String> errors = errors(typed, category, messages);
        if (!errors.isEmpty()) {
            return page(request, caller, 400, typed.get("category"), typed, errors, null);
        }
        String lang = site.language(request);
        List<String> shown = articleIds(posted.getFirst("shown"));
        try {
            desk.submit(new ContactDesk.Submission(lang, category, blankToNull(typed.get("name")), typed.get("email"),
                    typed.get("subject"), typed.get("description"), shown, articleIds(posted.getFirst("opened"))));
        } catch (SQLException e) {
            // Not stored, so not acknowledged: the customer keeps the text and tries again.
            return page(request, caller, 503, category.id(), typed, Map.of(),
                    new Pages.Notice(messages.text("contact.unavailable"), true));
        }
        record(request, http, caller, category, DeflectionEvent.SUBMITTED, null, shown.isEmpty() ? null : shown.get(0));
        return sent();
    }

    @GET
    @Path("sent")
    public Response sentPage(@Context ContainerRequestContext request) {
        enabled();
        Caller caller = Callers.caller(request.getSecurityContext());
        PageContext page = site.context(request, caller, null, new PageContext.PageMeta(
                Messages.of(site.language(request)).text("contact.sent.title"), null, null, false, "page-contact"));
        return site.page(200, "contactSent.jte", page, null, null);
    }

    /**
     * {@code GET /contact/suggest?q=&locale=}: up to {@link #SUGGESTED} public articles matching what the
     * customer typed, as {@code {"articles": [{"id","title","url","snippet"}]}} ({@code snippet} is text with
     * {@code <mark>} only). The search is the help center's public one, whoever asks; it is not recorded.
     * Errors are JSON, as for the API: the page's script reads them.
     */
    @GET
    @Path("suggest")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> suggest(@QueryParam("q") String q, @QueryParam("locale") String locale,
            @Context ContainerRequestContext request) {
        enabled();
        String query = q == null ? "" : q.strip();
        if (query.length() > SearchRequest.MAX_QUERY_LENGTH) {
            throw ApiException.badRequest("bad_query", "q may be at most " + SearchRequest.MAX_QUERY_LENGTH
                    + " characters");
        }
        if (query.isEmpty()) {
            return Map.of("articles", List.of());
        }
        String language = UiLanguage.supported(locale);
        if (language == null && locale != null && !locale.isBlank()) {
            throw ApiException.badRequest("unknown_locale", "locale must be one of the page's languages: "
                    + String.join(", ", Messages.LANGUAGES) + " (or none, for every language)");
        }
        if (language != null && !helpCenter.hasArticlesIn(language)) {
            language = null; // a page language no public article is in: an answer in another beats none
        }
        HelpCenter.SearchPage page;
        try {
            page = helpCenter.search(query, language, SUGGESTED);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("bad_query", e.getMessage());
        }
        List<Map<String, String>> articles = new ArrayList<>();
        for (HelpCenter.Hit hit : page.hits().stream().limit(SUGGESTED).toList()) {
            Map<String, String> article = new LinkedHashMap<>();
            article.put("id", hit.id());
            article.put("title", hit.title());
            article.put("url", hit.url());
            article.put("snippet", hit.snippet());
            articles.add(article);
        }
        // Not recorded as a search: what a customer types here is their request (names, order numbers), which
        // goes only to the contact destinations and the admins' queue, never into analytics or learning.
        return Map.of("articles", articles);
    }

    private ContactConfig enabled() {
        if (!desk.config().enabled()) {
            throw PageException.notFound();
        }
        return desk.config();
    }

    private static Response sent() {
        return Response.seeOther(URI.create("/contact/sent")).build();
    }

    /** The fields as typed, stripped (the description keeps its inner lines), for checking and showing again. */
    private static Map<String, String> typed(MultivaluedMap<String, String> posted) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (String name : List.of("category", "name", "email", "subject", "description")) {
            typed.put(name, field(posted, name));
        }
        return typed;
    }

    private static Map<String, String> errors(Map<String, String> typed, ContactConfig.Category category,
            Messages messages) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (category == null) {
            errors.put("category", messages.text("contact.error.category"));
        }
        check(errors, messages, "subject", typed.get("subject"), true, MAX_SUBJECT);
        check(errors, messages, "description", typed.get("description"), true, MAX_DESCRIPTION);
        String email = typed.get("email");
        if (email.isEmpty()) {
            errors.put("email", messages.text("contact.error.required", messages.text("contact.email")));
        } else if (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
            errors.put("email", messages.text("contact.error.email"));
        }
        check(errors, messages, "name", typed.get("name"), false, MAX_NAME);
        return errors;
    }

    private static void check(Map<String, String> errors, Messages messages, String field, String value,
            boolean required, int max) {
        if (required && value.isEmpty()) {
            errors.put(field, messages.text("contact.error.required", messages.text("contact." + field)));
        } else if (value.codePointCount(0, value.length()) > max) {
            errors.put(field, messages.text("contact.error.tooLong", messages.text("contact." + field), max));
        }
    }

    private Response page(ContainerRequestContext request, Caller caller, int status, String categoryId,
            Map<String, String> typed, Map<String, String> errors, Pages.Notice notice) {
        String lang = site.language(request);
        Messages messages = Messages.of(lang);
        List<CategoryChoice> choices = desk.config().categories().stream()
                .map(c -> new CategoryChoice(c.id(), c.label(lang), messages.text("contact.priority." + c.priority()),
                        c.id().equals(categoryId)))
                .toList();
        PageContext page = site.context(request, caller, null, new PageContext.PageMeta(messages.text("contact.title"),
                messages.text("contact.lead"), null, true, "page-contact"));
        // Lengths are shown as typed only up to the field's limit: a huge value is not sent back whole.
        Form form = new Form(choices, shown(typed, "name", MAX_NAME), shown(typed, "email", MAX_EMAIL),
                shown(typed, "subject", MAX_SUBJECT), shown(typed, "description", MAX_DESCRIPTION * 2), errors, notice,
                visitor(request), site.assets().version(), MAX_NAME, MAX_EMAIL, MAX_SUBJECT, MAX_DESCRIPTION);
        return site.page(status, "contact.jte", page, "form", form);
    }

    /** Limits count code points, so the cut does too: an emoji at the limit is kept or dropped whole. */
    private static String shown(Map<String, String> typed, String field, int max) {
        return Texts.firstCodePoints(typed.getOrDefault(field, ""), max);
    }

    private void record(ContainerRequestContext request, HttpServletRequest http, Caller caller,
            ContactConfig.Category category, String action, String query, String articleId) {
        // Best effort, like every page's analytics: a full journal does not stop the customer.
        events.publish(new DeflectionEvent(Instant.now(), visitor(request), ContactDesk.widget(category), action, query,
                articleId), addresses.requester(caller.role() != null, http.getRemoteAddr(), http::getHeader));
    }

    private static String visitor(ContainerRequestContext request) {
        return (String) request.getProperty(SiteCookieFilter.VISITOR);
    }

    /** The ids the script listed (space-separated), well-formed and distinct, at most {@link #MAX_ARTICLES}. */
    static List<String> articleIds(String listed) {
        if (listed == null) {
            return List.of();
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String id : listed.strip().split("\\s+")) {
            if (ids.size() < MAX_ARTICLES && Article.ID_PATTERN.matcher(id).matches()) {
                ids.add(id);
            }
        }
        return List.copyOf(ids);
    }

    private static String field(MultivaluedMap<String, String> posted, String name) {
        String value = Objects.requireNonNullElse(posted.getFirst(name), "");
        return name.equals("description") ? value.strip().replace("\r\n", "\n") : value.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

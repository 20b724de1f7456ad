package dev.kotae.site;

import dev.kotae.auth.Caller;
import dev.kotae.content.Article;
import dev.kotae.editing.Draft;
import dev.kotae.editing.DraftState;
import dev.kotae.editing.EditConflictException;
import dev.kotae.editing.EditNotAllowedException;
import dev.kotae.editing.EditRejectedException;
import dev.kotae.editing.EditableArticle;
import dev.kotae.editing.EditorService;
import dev.kotae.editing.PublishedArticle;
import dev.kotae.http.Callers;
import dev.kotae.search.ArticleService;
import dev.kotae.search.Audience;
import dev.kotae.search.CategoryService;
import dev.kotae.search.SearchService;
import dev.kotae.util.Texts;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The editor pages: the list of pending drafts and the article form (new, draft or published) with its
 * preview ({@link HistoryPages} has the history). Every change goes through {@link EditorService}, which decides
 * who may do what; these pages only choose which buttons to show and keep what the person typed when a
 * change is refused (a conflict shows the diff and keeps the text, so a second save after merging by hand
 * is accepted).
 *
 * <p>Signed-in agents see everything read-only; editors write. Forms are plain posts with the CSRF token
 * (so the pages work without JavaScript); a form post carries no CSRF header, so its caller is the
 * session the form token vouches for, as with the article vote form.
 */
@Path("/editor")
@SitePage
@Produces(MediaType.TEXT_HTML)
public final class EditorPages {

    /** The form's buttons. */
    private static final List<String> ACTIONS = List.of("preview", "save", "review", "publish", "discard");
    /** The form's fields, as {@link EditRejectedException#field()} names them. */
    private static final List<String> FIELDS = List.of("id", "title", "category", "tags", "questions", "type",
            "visibility", "locale", "translationKey", "body", "publishAt");
    /** What a change redirects with ({@code ?done=}), each with a message to show. */
    private static final List<String> ACTIONS_DONE = List.of("saved", "review", "published", "scheduled", "discarded",
            "restored");

    private final Site site;
    private final EditorService editor;
    private final CategoryService categories;
    private final ArticleService articles;
    private final EditorRequests requests;
    private final PublishedListing listing;

    public EditorPages(Site site, EditorService editor, CategoryService categories, ArticleService articles,
            SearchService search) {
        this.site = site;
        this.listing = new PublishedListing(search, articles);
        this.editor = editor;
        this.categories = categories;
        this.articles = articles;
        this.requests = new EditorRequests(site);
    }

    // ---- the list of drafts ----------------------------------------------------------------------------

    @GET
    public Response home(@QueryParam("q") String q, @QueryParam("page") String pageParam,
            @Context ContainerRequestContext request) throws IOException {
        return EditorRequests.page(() -> {
            Caller caller = Callers.caller(request.getSecurityContext());
            if (caller.isAnonymous()) { // back to the same list (a search, a page) after signing in
                String asked = request.getUriInfo().getRequestUri().getRawQuery();
                return EditorRequests.signIn(EditorLinks.HOME + (asked == null ? "" : "?" + asked));
            }
            String query = q == null ? "" : Texts.controlsAsSpaces(q).strip();
            int pageNumber = SearchLinks.pageNumber(pageParam, PublishedListing.PAGE_SIZE);
            List<Pages.DraftRow> inReview = new ArrayList<>();
            List<Pages.DraftRow> scheduled = new ArrayList<>();
            List<Pages.DraftRow> writing = new ArrayList<>();
            Map<String, Instant> goingLive = editor.scheduled(caller);
            Set<String> pending = new HashSet<>();
            for (Draft draft : editor.drafts(caller)) {
                pending.add(draft.id());
                Instant at = goingLive.get(draft.id());
                // A scheduled draft's row says when it goes live, the others when they were last saved.
                Pages.DraftRow row = new Pages.DraftRow(draft.id(), draft.article().title(), draft.article().locale(),
                        draft.author(), draft.lastEditor(), requests.when(at != null ? at : draft.updated()),
                        EditorLinks.article(draft.id()));
                (at != null ? scheduled : draft.state() == DraftState.IN_REVIEW ? inReview : writing).add(row);
            }
            PageContext page = requests.context(request, caller, "editor.home.title", "page-editor");
            Pages.PublishedList published = listing.page(query, pageNumber, pending, Messages.of(site.language(request)));
            return site.page(200, "editorHome.jte", page, "home",
                    new Pages.EditorHome(inReview, scheduled, writing, caller.canEdit(), caller.isAdmin(), published,
                            requests.zone().getId()));
        });
    }

    // ---- the form ----------------------------------------------------------------------------------------

    @GET
    @Path("new")
    public Response newArticle(@QueryParam("locale") String locale, @QueryParam("question") String question,
            @QueryParam("translationOf") String translationOf, @Context ContainerRequestContext request)
            throws IOException {
        return EditorRequests.page(() -> {
            Caller caller = Callers.caller(request.getSecurityContext());
            if (caller.isAnonymous()) {
                java.net.URI asked = request.getUriInfo().getRequestUri();
                String query = asked.getRawQuery();
                return EditorRequests.signIn(asked.getRawPath() + (query == null ? "" : "?" + query));
            }
            if (!caller.canEdit()) {
                throw new PageException(403, "editor.forbidden");
            }
            String lang = site.language(request);
            ArticleForm form;
            if (blank(translationOf)) {
                String chosen = blank(locale) ? lang : locale.strip();
                if (!Article.LOCALE_PATTERN.matcher(chosen).matches()) {
                    throw new PageException(400);
                }
                String firstQuestion = blank(question) ? "" : question.strip();
                form = new ArticleForm("", "", "", "", firstQuestion, "faq", "", chosen, "", "", "");
            } else {
                form = translationForm(caller, translationOf.strip(), question);
            }
            FormState state = FormState.fresh(form, true, "", "");
            if (!blank(translationOf) && form.translationKey().equals(translationOf.strip())) {
                // Articles are linked by a key they both name: the source names none yet, so it needs this one too.
                state = state.withNotice(new Pages.Notice(Messages.of(lang).text("editor.translate.sourceNeedsKey",
                        translationOf.strip()), false));
            }
            return form(200, request, caller, state);
        });
    }

    @GET
    @Path("articles/{id}")
    public Response article(@PathParam("id") String id, @QueryParam("show") String show,
            @QueryParam("done") String done, @QueryParam("from") String from, @Context ContainerRequestContext request)
            throws IOException {
        return EditorRequests.page(() -> {
            Caller caller = Callers.caller(request.getSecurityContext());
            if (caller.isAnonymous()) {
                return EditorRequests.signIn(EditorLinks.article(EditorRequests.checkedId(id)));
            }
            EditorRequests.checkedId(id);
            Optional<Draft> draft = editor.draft(caller, id);
            Optional<PublishedArticle> published = editor.published(caller, id);
            if (from != null && caller.canEdit()) {
                // Not the pending draft's info: the fields hold the old version, which saving asks to merge with it.
                return renderForm(200, request, caller, fromVersion(caller, id, EditorRequests.checkedVersion(from),
                        draft, published, Messages.of(site.language(request))), Optional.empty(), published);
            }
            if (draft.isEmpty() && published.isEmpty()) {
                // A deleted article (a link from the audit log, the back button): its history is where it comes back.
                if (wasPublished(caller, id)) {
                    return Response.seeOther(URI.create(EditorLinks.history(id))).build();
                }
                throw PageException.notFound();
            }
            FormState state;
            if (draft.isPresent() && !"published".equals(show)) {
                Draft pending = draft.get();
                state = FormState.fresh(ArticleForm.of(pending.article(), pending.publishAt(), requests.zone()), false,
                        pending.revision(), nullToEmpty(pending.baseVersion())).withMessage(nullToEmpty(pending.note()));
            } else {
                PublishedArticle live = published.orElseThrow(PageException::notFound);
                state = FormState.fresh(ArticleForm.of(live.article(), null, requests.zone()), false, "", live.version())
                        .showingPublished(draft.isPresent());
            }
            if (done != null && ACTIONS_DONE.contains(done)) {
                String what = Messages.of(site.language(request)).text("editor.done." + done);
                state = state.withNotice(new Pages.Notice(what, false));
            }
            return renderForm(200, request, caller, state, draft, published);
        });
    }

    /** Whether the article's history lists any version: it existed, even if nothing of it exists now. */
    private boolean wasPublished(Caller caller, String id) throws EditNotAllowedException {
        try {
            return !editor.history(caller, id).isEmpty();
        } catch (EditRejectedException e) {
            return false;
        }
    }

    /**
     * The form holding one of the article's history versions, to be saved as its draft and reviewed: how an
     * editor who may not restore directly brings back an old text or a deleted article.
     */
    private FormState fromVersion(Caller caller, String id, String version, Optional<Draft> draft,
            Optional<PublishedArticle> published, Messages messages) throws EditNotAllowedException {
        EditableArticle old;
        try {
            old = editor.atVersion(caller, id, version);
        } catch (EditRejectedException e) {
            throw new PageException(e.status() == 404 ? 404 : 400);
        }
        // Started from no draft revision: where a draft is pending, saving is the usual conflict with its diff,
        // never a silent overwrite of a colleague's text.
        String notice = messages.text("editor.fromVersion", version) + (draft.isPresent()
                ? " " + messages.text("editor.fromVersion.draftPending", draft.get().lastEditor()) : "");
        return FormState.fresh(ArticleForm.of(old, null, requests.zone()), false, "",
                        published.map(PublishedArticle::version).orElse(""))
                .withNotice(new Pages.Notice(notice, false));
    }

    /** Every button of the form posts here; {@code action} says which it was. */
    @POST
    @Path("articles")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(MultivaluedMap<String, String> posted, @Context ContainerRequestContext request)
            throws IOException {
        Caller caller = requests.formCaller(request, posted);
        if (!caller.canEdit()) {
            throw new PageException(403, "editor.forbidden");
        }
        String action = posted.getFirst("action");
        if (action == null || !ACTIONS.contains(action)) {
            throw new PageException(400);
        }
        ArticleForm fields = ArticleForm.from(posted);
        boolean isNew = "true".equals(posted.getFirst("new"));
        String startedFrom = nullToEmpty(posted.getFirst("startedFrom")).strip();
        String baseVersion = nullToEmpty(posted.getFirst("baseVersion")).strip();
        String message = nullToEmpty(posted.getFirst("message")).strip();
        FormState state = FormState.fresh(fields, isNew, startedFrom, baseVersion).withMessage(message);
        Messages messages = Messages.of(site.language(request));
        EditableArticle article;
        try {
            article = fields.article();
        } catch (ArticleForm.Invalid e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.errors().forEach((field, key) -> errors.put(field, messages.text(key)));
            if (errors.containsKey("id") && fields.id().isEmpty()) {
                state = state.withForm(fields.withId(ArticleForm.suggestedId(fields.title())));
            }
            return form(400, request, caller, state.withErrors(errors)
                    .withNotice(new Pages.Notice(messages.text("editor.invalid"), true)));
        }
        String id = article.id();
        Instant publishAt = fields.publishAt(requests.zone());
        // A draft this request saved before a later step was refused: the form shown again starts from it.
        Draft savedHere = null;
        try {
            switch (action) {
                case "preview" -> {
                    return form(200, request, caller, state.withPreview(editor.preview(caller, article)));
                }
                case "save" -> {
                    editor.saveDraft(caller, article, emptyToNull(startedFrom), emptyToNull(baseVersion), publishAt,
                            message);
                    return EditorRequests.done(id, "saved");
                }
                case "review" -> {
                    Draft draft = savedAsTyped(caller, fields, article, startedFrom, baseVersion, publishAt, message);
                    savedHere = draft;
                    editor.requestReview(caller, id, draft.revision());
                    return EditorRequests.done(id, "review");
                }
                case "publish" -> {
                    Optional<Draft> unchanged = unchangedDraft(caller, id, fields, startedFrom, null);
                    if (unchanged.isEmpty() && !caller.isAdmin()) {
                        // Publishing what the person has not saved would make them its last editor, who may
                        // not publish it: they save (or ask for review) first. Their text stays in the form.
                        return form(409, request, caller,
                                state.withNotice(new Pages.Notice(messages.text("editor.publish.saveFirst"), true)));
                    }
                    Draft draft = unchanged.isPresent() ? unchanged.get()
                            : editor.saveDraft(caller, article, emptyToNull(startedFrom), emptyToNull(baseVersion),
                                    publishAt, message);
                    savedHere = draft;
                    PublishedArticle published = editor.publish(caller, id, draft.revision(), message.isEmpty() ? null : message);
                    // No version yet: it was scheduled for its publish time, not published.
                    return EditorRequests.done(id, published.version() == null ? "scheduled" : "published");
                }
                case "discard" -> {
                    editor.discardDraft(caller, id, emptyToNull(startedFrom));
                    return editor.published(caller, id).isPresent() ? EditorRequests.done(id, "discarded")
                            : Response.seeOther(URI.create(EditorLinks.HOME)).build();
                }
                default -> throw new PageException(400);
            }
        } catch (EditConflictException e) {
            return conflict(request, caller, state, e, messages);
        } catch (EditRejectedException e) {
            if (e.status() == 404 && e.field() == null) {
                throw PageException.notFound();
            }
            state = state.savedAs(savedHere);
            // Beside its field when the form has that field; else (a version, a header) as the notice itself.
            boolean besideField = e.field() != null && FIELDS.contains(e.field());
            Map<String, String> errors = besideField ? Map.of(e.field(), refusal(e, messages)) : Map.of();
            return form(e.status(), request, caller, state.withErrors(errors).withNotice(
                    new Pages.Notice(besideField ? messages.text("editor.invalid")
                            : "message".equals(e.field()) ? refusal(e, messages) : e.getMessage(), true)));
        } catch (EditNotAllowedException e) {
            return form(403, request, caller, state.savedAs(savedHere)
                    .withNotice(new Pages.Notice(e.getMessage(), true)));
        }
    }

    /** The preview pane's content, for the form's script: the article as it would be published, or why not. */
    @POST
    @Path("preview")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response preview(MultivaluedMap<String, String> posted, @Context ContainerRequestContext request)
            throws IOException {
        return EditorRequests.page(() -> {
            Caller caller = requests.formCaller(request, posted);
            Messages messages = Messages.of(site.language(request));
            PageContext page = requests.context(request, caller, "editor.preview", "page-editor");
            try {
                ArticleForm typed = ArticleForm.from(posted);
                // The URL name does not show in the preview: one not typed yet is no reason not to show it.
                Article article = editor.preview(caller, (typed.id().isEmpty() ? typed.withId("preview") : typed).article());
                return site.page(200, "editorPreview.jte", page, "pane",
                        new Pages.PreviewPane(Pages.ArticleBody.of(article, site.language(request), site.imageSources()), null));
            } catch (ArticleForm.Invalid e) {
                // Which fields, as the form would say beside them: the pane may be all the person is looking at.
                String which = e.errors().values().stream().map(messages::text)
                        .collect(java.util.stream.Collectors.joining(" "));
                return site.page(400, "editorPreview.jte", page, "pane",
                        new Pages.PreviewPane(null, messages.text("editor.invalid") + " " + which));
            } catch (EditRejectedException e) {
                return site.page(e.status() == 404 ? 400 : e.status(), "editorPreview.jte", page, "pane",
                        new Pages.PreviewPane(null, e.field() != null ? refusal(e, messages) : e.getMessage()));
            }
        });
    }

    // ---- rendering the form ----------------------------------------------------------------------------------

    /**
     * What the form shows besides the fields: where the text started from, messages, the conflict's diff, a
     * preview, and whether the published version is shown while a draft is pending.
     */
    record FormState(ArticleForm form, boolean isNew, String startedFrom, String baseVersion,
            Map<String, String> errors, Pages.Notice notice, String diff, Article preview, String message,
            boolean showingPublished) {

        static FormState fresh(ArticleForm form, boolean isNew, String startedFrom, String baseVersion) {
            return new FormState(form, isNew, startedFrom, baseVersion, Map.of(), null, null, null, "", false);
        }

        FormState withForm(ArticleForm value) {
            return new FormState(value, isNew, startedFrom, baseVersion, errors, notice, diff, preview, message,
                    showingPublished);
        }

        FormState withErrors(Map<String, String> value) {
            return new FormState(form, isNew, startedFrom, baseVersion, value, notice, diff, preview, message,
                    showingPublished);
        }

        FormState withNotice(Pages.Notice value) {
            return new FormState(form, isNew, startedFrom, baseVersion, errors, value, diff, preview, message,
                    showingPublished);
        }

        FormState withPreview(Article value) {
            return new FormState(form, isNew, startedFrom, baseVersion, errors, notice, diff, value, message,
                    showingPublished);
        }

        FormState withMessage(String value) {
            return new FormState(form, isNew, startedFrom, baseVersion, errors, notice, diff, preview, value,
                    showingPublished);
        }

        FormState showingPublished(boolean value) {
            return new FormState(form, isNew, startedFrom, baseVersion, errors, notice, diff, preview, message, value);
        }

        /** After {@code draft} was saved (nothing when {@code null}): a second post starts from it. */
        FormState savedAs(Draft draft) {
            return draft == null ? this : new FormState(form, false, draft.revision(), nullToEmpty(draft.baseVersion()),
                    errors, notice, diff, preview, message, showingPublished);
        }

        /** After a conflict: the diff, and the versions a second save starts from. */
        FormState afterConflict(String newStartedFrom, String newBaseVersion, String conflictDiff) {
            return new FormState(form, isNew, newStartedFrom, newBaseVersion, errors, notice, conflictDiff, preview,
                    message, showingPublished);
        }
    }

    /** The form as {@code state} has it, with the article's pending draft and published file as they are now. */
    private Response form(int status, ContainerRequestContext request, Caller caller, FormState state)
            throws IOException {
        return EditorRequests.page(() -> {
            String id = state.form().id();
            boolean known = known(state);
            return renderForm(status, request, caller, state, known ? editor.draft(caller, id) : Optional.empty(),
                    known ? editor.published(caller, id) : Optional.empty());
        });
    }

    /** Whether the form is of an article that may exist: one opened, not a new one, with a readable id. */
    private static boolean known(FormState state) {
        return !state.isNew() && Article.ID_PATTERN.matcher(state.form().id()).matches();
    }

    /** The form, given the article's pending draft and published file (empty for a new article). */
    private Response renderForm(int status, ContainerRequestContext request, Caller caller, FormState state,
            Optional<Draft> draft, Optional<PublishedArticle> published) throws EditNotAllowedException, IOException {
        String lang = site.language(request);
        Messages messages = Messages.of(lang);
        ArticleForm form = state.form();
        String id = form.id();
        boolean known = known(state);
        Optional<Article> live = known ? articles.article(id, Audience.AGENTS) : Optional.empty();
        String readOnly = published.map(PublishedArticle::readOnly).orElse(null);
        boolean editable = caller.canEdit() && readOnly == null && !state.showingPublished();

        Instant goesLive = draft.isPresent() ? editor.scheduled(caller).get(draft.get().id()) : null;
        Pages.DraftInfo draftInfo = draft.filter(d -> !state.showingPublished())
                .map(d -> new Pages.DraftInfo(goesLive != null
                        ? messages.text("editor.state.scheduled", requests.when(goesLive))
                        : messages.text(d.state() == DraftState.IN_REVIEW ? "editor.state.inReview" : "editor.state.draft"),
                        d.author(), d.lastEditor(), requests.when(d.updated()), changes(caller, d),
                        d.state() == DraftState.IN_REVIEW && !caller.name().equals(d.author())
                                && !caller.name().equals(d.lastEditor()), behind(d, published, messages), d.note()))
                .orElse(null);
        boolean canPublish = false;
        String publishBlocked = null;
        if (editable) {
            if (caller.isAdmin()) {
                canPublish = true;
            } else if (draft.isEmpty()) {
                publishBlocked = messages.text("editor.publish.noDraft");
            } else if (caller.name().equals(draft.get().author()) || caller.name().equals(draft.get().lastEditor())) {
                publishBlocked = messages.text("editor.publish.own");
            } else if (draft.get().state() != DraftState.IN_REVIEW) {
                publishBlocked = messages.text("editor.publish.notInReview");
            } else {
                canPublish = true;
            }
        }
        String contentLocale = !form.locale().isEmpty() ? form.locale() : live.map(Article::locale).orElse(lang);
        String translate = null;
        String translateLabel = null;
        if (live.isPresent() && caller.canEdit() && readOnly == null) {
            String other = otherLocale(live.get().locale());
            EditableArticle file = published.map(PublishedArticle::article).orElse(null);
            if (other != null && !hasTranslation(caller, live.get(), file, other)) {
                translate = EditorLinks.translation(id);
                translateLabel = messages.text("editor.translate." + other);
            }
        }
        Pages.EditorNav nav = new Pages.EditorNav(live.map(Article::url).orElse(null),
                state.showingPublished() && draft.isPresent() ? EditorLinks.article(id) : null,
                !state.showingPublished() && draft.isPresent() && published.isPresent()
                        ? EditorLinks.published(id) : null,
                known && (published.isPresent() || draft.map(d -> d.baseVersion() != null).orElse(false))
                        ? EditorLinks.history(id) : null,
                translate, translateLabel,
                // Deleting skips review, so it is offered only to those who may publish alone.
                editable && published.isPresent() && editor.publishesAlone(caller) ? EditorLinks.delete(id) : null);
        Pages.EditorPage model = new Pages.EditorPage(form, state.isNew(), state.startedFrom(), state.baseVersion(),
                editable, readOnly, state.errors(), state.notice(), state.diff(), categoryNames(contentLocale),
                requests.zone().getId(),
                choices(form.type(), messages, "editor.default.type", "faq", "type.faq", "playbook", "type.playbook"),
                choices(form.visibility(), messages, "editor.default.visibility", "public", "editor.visibility.public",
                        "internal", "editor.visibility.internal"),
                localeChoices(form.locale(), messages), draftInfo, canPublish, publishBlocked, nav,
                state.preview() == null ? null : Pages.ArticleBody.of(state.preview(), lang, site.imageSources()), state.message());
        String titleKey = state.isNew() ? "editor.new.title" : "editor.edit.title";
        PageContext page = site.context(request, caller, null, new PageContext.PageMeta(
                messages.text(titleKey, form.title().isEmpty() ? id : form.title()), null, null, false, "page-editor"));
        return site.page(status, "editorForm.jte", page, "editor", model);
    }

    /**
     * Why the draft no longer starts from what is published, or {@code null}: someone published or deleted
     * the article after the draft began, so its changes undo theirs, and publishing it is refused until it
     * is saved again over what is published now.
     */
    private static String behind(Draft draft, Optional<PublishedArticle> published, Messages messages) {
        if (draft.baseVersion() == null) {
            return null;
        }
        if (published.isEmpty()) {
            return messages.text("editor.draftBehind.deleted");
        }
        return draft.baseVersion().equals(published.get().version()) ? null : messages.text("editor.draftBehind.changed");
    }

    /** What publishing the draft would change in the published article, or {@code null} for a new one. */
    private String changes(Caller caller, Draft draft) {
        try {
            return editor.draftChanges(caller, draft.id()).orElse(null);
        } catch (EditNotAllowedException e) {
            return null; // the page itself was allowed; the list of changes is not worth failing it for
        }
    }

    /**
     * A field's refusal in the page's language: the field's rule said in it, then the server's own words
     * (which name the value or file at fault) where the page is not in English. The server's rules speak
     * English to the API; their words stay so that what was wrong is never lost in translation.
     */
    private static String refusal(EditRejectedException e, Messages messages) {
        if (messages.language().equals("en")) {
            return e.getMessage();
        }
        // A field's rule explains a 400; a taken URL name or a draft with nothing to review its own words;
        // anything else (no such draft, a path outside the content folder) a neutral lead, not a rule it did
        // not break.
        String rule = messages.text(e.status() == 409 && "id".equals(e.field()) ? "editor.rejected.idTaken"
                : e.status() == 409 && "body".equals(e.field()) ? "editor.rejected.unchanged"
                : e.status() == 400 ? "editor.rejected." + e.field() : "editor.rejected.other");
        return messages.text("editor.rejected.detail", rule, e.getMessage());
    }

    private Response conflict(ContainerRequestContext request, Caller caller, FormState state, EditConflictException e,
            Messages messages) throws IOException {
        String id = state.form().id();
        String startedFrom = "";
        String baseVersion = nullToEmpty(e.currentVersion());
        boolean deleted = false;
        try {
            Optional<Draft> now = editor.draft(caller, id);
            startedFrom = now.map(Draft::revision).orElse("");
            // The text was merged against what is published now (the diff shows it), so a second save starts
            // from that version, even when the pending draft began from an older one; from nothing when the
            // article was deleted meanwhile, so that saving it brings the article back rather than conflicting again.
            Optional<String> published = editor.published(caller, id).map(PublishedArticle::version);
            // Deleted: the published side of the conflict is gone (a conflict with a colleague's newer draft names
            // its revision, and shows its diff).
            deleted = published.isEmpty() && !state.isNew() && e.currentVersion() == null
                    && (now.map(d -> d.baseVersion() != null).orElse(false) || !state.baseVersion().isEmpty());
            baseVersion = published.orElse("");
        } catch (EditNotAllowedException ignored) {
            // the conflict itself is what the person needs to see
        }
        // A new article whose id someone took meanwhile stays "new": its id must change, not be merged into.
        boolean hasDiff = e.diff() != null && !e.diff().isBlank();
        String notice = deleted ? messages.text("editor.conflict.deleted")
                : messages.text("editor.conflict") + (hasDiff ? "" : " (" + e.getMessage() + ")");
        return form(409, request, caller, state.afterConflict(startedFrom, baseVersion, hasDiff && !deleted ? e.diff() : null)
                .withNotice(new Pages.Notice(notice, true)));
    }

    /**
     * The draft of what the person typed: the pending draft itself when the form still holds it unchanged,
     * else the form saved as the new draft revision.
     */
    private Draft savedAsTyped(Caller caller, ArticleForm fields, EditableArticle article, String startedFrom,
            String baseVersion, Instant publishAt, String note)
            throws EditConflictException, EditNotAllowedException, EditRejectedException {
        Optional<Draft> unchanged = unchangedDraft(caller, article.id(), fields, startedFrom, note);
        return unchanged.isPresent() ? unchanged.get()
                : editor.saveDraft(caller, article, emptyToNull(startedFrom), emptyToNull(baseVersion), publishAt, note);
    }

    /**
     * The pending draft when the form holds it unchanged (the revision it started from, the same article and
     * the same publish time, and the same {@code note} unless that is {@code null}), else empty: what the
     * person typed differs and must be saved first.
     */
    private Optional<Draft> unchangedDraft(Caller caller, String id, ArticleForm fields, String startedFrom,
            String note) throws EditNotAllowedException {
        return editor.draft(caller, id).filter(current -> startedFrom.equals(current.revision())
                && ArticleForm.of(current.article(), current.publishAt(), requests.zone()).sameArticle(fields)
                && (note == null || note.equals(nullToEmpty(current.note()))));
    }

    /**
     * A new article translating {@code sourceId}: its translation key, the other language, and the same type,
     * visibility and category.
     */
    private ArticleForm translationForm(Caller caller, String sourceId, String question)
            throws EditNotAllowedException, IOException {
        if (!Article.ID_PATTERN.matcher(sourceId).matches()) {
            throw PageException.notFound();
        }
        Optional<EditableArticle> draft = editor.draft(caller, sourceId).map(Draft::article);
        EditableArticle source = (draft.isPresent() ? draft : editor.published(caller, sourceId)
                .map(PublishedArticle::article)).orElseThrow(PageException::notFound);
        String sourceLocale = source.locale() != null ? source.locale()
                : articles.article(sourceId, Audience.AGENTS).map(Article::locale).orElse("");
        String other = otherLocale(sourceLocale);
        return new ArticleForm("", "", source.category(), "", blank(question) ? "" : question.strip(),
                source.type() == null ? "" : source.type().key(),
                source.visibility() == null ? "" : source.visibility().key(), other == null ? "" : other,
                source.translationKey() != null ? source.translationKey() : source.id(), "", "");
    }

    /**
     * Whether an article already has a version in {@code other}: a published article sharing its
     * translation key (as the index links them), or a pending draft that names the key (its own id when
     * it has none, as a translation started here names it).
     */
    private boolean hasTranslation(Caller caller, Article live, EditableArticle file, String other)
            throws EditNotAllowedException, IOException {
        boolean published = articles.find(live.id(), Audience.AGENTS).map(ArticleService.ArticleView::translations)
                .orElse(List.of()).stream().anyMatch(t -> other.equals(t.locale()));
        if (published) {
            return true;
        }
        // The file says what the key is now; the index may be a moment behind a publish.
        String key = file != null && file.translationKey() != null ? file.translationKey()
                : live.translationKey() != null ? live.translationKey() : live.id();
        for (Draft draft : editor.drafts(caller)) {
            if (key.equals(draft.article().translationKey()) && other.equals(draft.article().locale())) {
                return true;
            }
        }
        // A translation started here from an article without a key names the source's id as its key.
        return !key.equals(live.id()) && articles.article(key, Audience.AGENTS).map(Article::locale)
                .filter(other::equals).isPresent();
    }

    private List<String> categoryNames(String locale) throws IOException {
        return categories.categories(locale, Audience.AGENTS).stream().map(CategoryService.Category::name).toList();
    }

    private static List<Pages.Choice> choices(String current, Messages messages, String defaultKey,
            String... valuesAndKeys) {
        List<Pages.Choice> choices = new ArrayList<>();
        choices.add(new Pages.Choice("", messages.text(defaultKey), current.isEmpty()));
        for (int i = 0; i < valuesAndKeys.length; i += 2) {
            choices.add(new Pages.Choice(valuesAndKeys[i], messages.text(valuesAndKeys[i + 1]),
                    valuesAndKeys[i].equals(current)));
        }
        return choices;
    }

    private static List<Pages.Choice> localeChoices(String current, Messages messages) {
        List<Pages.Choice> choices = new ArrayList<>();
        choices.add(new Pages.Choice("", messages.text("editor.default.locale"), current.isEmpty()));
        for (String locale : Messages.LANGUAGES) {
            choices.add(new Pages.Choice(locale, messages.text("locale." + locale) + " (" + locale + ")",
                    locale.equals(current)));
        }
        if (!current.isEmpty() && !Messages.LANGUAGES.contains(current)) {
            choices.add(new Pages.Choice(current, current, true));
        }
        return choices;
    }

    /** The other UI language's locale for a translation, or {@code null} for a locale with no pair. */
    private static String otherLocale(String locale) {
        return "ja".equals(locale) ? "en" : "en".equals(locale) ? "ja" : null;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}

package dev.kotae.site;

import dev.kotae.auth.Caller;
import dev.kotae.content.Article;
import dev.kotae.editing.EditNotAllowedException;
import dev.kotae.http.Callers;
import dev.kotae.http.BrowserCookies;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * What the editor's page resources share: who sent a form, the answers they give (sign in first, back
 * to the article after a change), the ids and versions they accept, and how they show times.
 */
final class EditorRequests {

    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Site site;

    EditorRequests(Site site) {
        this.site = site;
    }

    /**
     * The caller of a form post, after its CSRF token is checked: a bearer token if one was sent, else the
     * session the form token vouches for (a form post carries no CSRF header, so the auth filter did not
     * count the session cookie). Anonymous posts are refused with the 403 page; so is a refused form
     * ({@link Site#checkForm}), which for someone no longer signed in (signed out in another tab: that
     * also renewed the CSRF binding) offers to sign in and come back to the page the form was on.
     */
    Caller formCaller(ContainerRequestContext request, MultivaluedMap<String, String> posted) {
        Caller caller = Callers.caller(request.getSecurityContext());
        if (caller.isAnonymous()) {
            caller = site.sessions().caller(BrowserCookies.value(request, BrowserCookies.SESSION))
                    .orElse(Caller.ANONYMOUS);
        }
        try {
            site.checkForm(request, posted.getFirst("csrf"));
        } catch (PageException refused) {
            throw caller.isAnonymous() ? refused.withSignIn(comeBackTo(request)) : refused;
        }
        if (caller.isAnonymous()) {
            throw new PageException(403, "editor.signInFirst").withSignIn(comeBackTo(request));
        }
        return caller;
    }

    /** Where signing in again from a refused form comes back to: the page it was on, else the editor's home. */
    private String comeBackTo(ContainerRequestContext request) {
        String page = site.formPage(request);
        return page != null ? page : EditorLinks.HOME;
    }

    /** The layout context of an editor page titled by a message key; never indexed by search engines. */
    PageContext context(ContainerRequestContext request, Caller caller, String titleKey, String bodyClass) {
        return site.context(request, caller, null, new PageContext.PageMeta(
                Messages.of(site.language(request)).text(titleKey), null, null, false, bodyClass));
    }

    /** A page's body, which {@link dev.kotae.editing.EditorService} may refuse. */
    @FunctionalInterface
    interface PageBody {
        Response get() throws EditNotAllowedException, IOException;
    }

    /**
     * An editor page, or the 403 page when {@link dev.kotae.editing.EditorService} refuses the caller. The
     * pages map it here, not with an exception mapper: one for that type would also catch the REST API's,
     * which answers JSON.
     */
    static Response page(PageBody body) throws IOException {
        return page("editor.forbidden", body);
    }

    /** {@link #page(PageBody)} with the 403 page saying {@code forbiddenKey}. */
    static Response page(String forbiddenKey, PageBody body) throws IOException {
        try {
            return body.get();
        } catch (EditNotAllowedException e) {
            throw new PageException(403, forbiddenKey);
        }
    }

    /** The sign-in page, coming back to {@code next} (a path on this site). */
    static Response signIn(String next) {
        return Response.seeOther(URI.create("/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8))).build();
    }

    /** After a change: back to the article's editor page, which says what happened (post, redirect, get). */
    static Response done(String id, String what) {
        return Response.seeOther(URI.create(EditorLinks.article(id) + "?done=" + what)).build();
    }

    /** An article id from a path, or the 404 page. */
    static String checkedId(String id) {
        if (id == null || !Article.ID_PATTERN.matcher(id).matches()) {
            throw PageException.notFound();
        }
        return id;
    }

    /** A history version from a path, or the 400 page. */
    static String checkedVersion(String version) {
        if (version == null || !VERSION.matcher(version).matches()) {
            throw new PageException(400);
        }
        return version;
    }

    /**
     * The help center's time zone ({@link Site#zone()}): a draft's publishAt is typed and shown in it, the
     * pages' times are in it, and the pages say which zone it is.
     */
    ZoneId zone() {
        return site.zone();
    }

    /** A time as the editor pages show it, in the help center's zone. */
    String when(Instant at) {
        return at == null ? "" : WHEN.format(at.atZone(site.zone()));
    }
}

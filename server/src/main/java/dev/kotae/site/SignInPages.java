package dev.kotae.site;

import dev.kotae.auth.Account;
import dev.kotae.auth.Caller;
import dev.kotae.auth.DeviceCookies;
import dev.kotae.auth.PasswordSignIn;
import dev.kotae.auth.SignInThrottle;
import dev.kotae.auth.TokenAuthenticator;
import dev.kotae.http.Callers;
import jakarta.servlet.http.HttpServletRequest;
import dev.kotae.http.BrowserCookies;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * People sign in once with their account name and password (or, the second option, with an API token);
 * the browser then holds only a signed session id in an HttpOnly cookie. Signing in and out are form
 * posts with a CSRF token, and both start a fresh CSRF binding so a token seen before the change is
 * worthless after it. A failed password sign-in shows the form again with the name typed, never the
 * password, and the same words whether the name exists or not. A password sign-in also gives the browser a
 * long-lived device cookie ({@link DeviceCookies}), which sign-out leaves in place: it lets that browser past
 * a name's throttle that strangers spent, and signs nobody in.
 */
@Path("/")
@SitePage
@Produces(MediaType.TEXT_HTML)
public final class SignInPages {

    /** Where to go after signing in: a path on this site only (never {@code //host} or a full URL). */
    private static final Pattern LOCAL_PATH = Pattern.compile("/(?![/\\\\])[^\\s]{0,500}");

    private final Site site;
    private final TokenAuthenticator authenticator;
    private final PasswordSignIn passwords;

    public SignInPages(Site site, TokenAuthenticator authenticator, PasswordSignIn passwords) {
        this.site = site;
        this.authenticator = authenticator;
        this.passwords = passwords;
    }

    @GET
    @Path("login")
    public Response form(@QueryParam("next") String next, @Context ContainerRequestContext request) {
        return signInPage(request, 200, null, next, null);
    }

    /** The password form sends {@code name} and {@code password}; the token form sends {@code token}. */
    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@FormParam("csrf") String csrf, @FormParam("name") String name,
            @FormParam("password") String password, @FormParam("token") String token,
            @FormParam("next") String next, @Context ContainerRequestContext request,
            @Context HttpServletRequest servletRequest) {
        site.checkForm(request, csrf);
        String address = servletRequest.getRemoteAddr();
        if (token != null && name == null) {
            return signInWithToken(token, next, request, address);
        }
        String typedName = name == null ? "" : name.strip();
        // Not null: the hasher answers a null password at once, but hashes for a name that is no account's,
        // so a form without a password field would tell which names exist by how fast it is refused.
        PasswordSignIn.Attempt attempt = passwords.attempt(typedName, password == null ? "" : password, address,
                BrowserCookies.value(request, BrowserCookies.DEVICE));
        String shownName = typedName.length() > Account.MAX_NAME ? null : typedName; // a name that long is no account's
        if (attempt instanceof PasswordSignIn.Attempt.Throttled throttled) {
            return throttledPage(request, throttled.retryAfter(), next, shownName);
        }
        if (!(attempt instanceof PasswordSignIn.Attempt.Accepted accepted)) {
            return signInPage(request, 401, "login.passwordFailed", next, shownName);
        }
        // Renewed on each sign-in, so a browser used at least every LIFETIME stays known.
        SiteCookieFilter.set(request, site.cookies().cookie(request, BrowserCookies.DEVICE, accepted.deviceCookie(),
                DeviceCookies.LIFETIME, true));
        return signedIn(site.sessions().start(accepted.account()), next, request);
    }

    private Response signInWithToken(String token, String next, ContainerRequestContext request, String address) {
        TokenAuthenticator.Attempt attempt = authenticator.attempt(token.strip(), address);
        if (attempt instanceof TokenAuthenticator.Attempt.Throttled throttled) {
            return throttledPage(request, throttled.retryAfter(), next, null);
        }
        if (!(attempt instanceof TokenAuthenticator.Attempt.Accepted accepted)) {
            return signInPage(request, 401, "login.failed", next, null);
        }
        return signedIn(site.sessions().start(accepted.caller()), next, request);
    }

    /** The sign-in page saying to wait, with how long in {@code Retry-After}. */
    private Response throttledPage(ContainerRequestContext request, Duration retryAfter, String next, String name) {
        return Response.fromResponse(signInPage(request, 429, "login.throttled", next, name))
                .header(HttpHeaders.RETRY_AFTER, SignInThrottle.seconds(retryAfter)).build();
    }

    /** Ends the browser's previous session, sets the new one and a fresh CSRF binding as long-lived, and goes on. */
    private Response signedIn(String session, String next, ContainerRequestContext request) {
        String previous = BrowserCookies.value(request, BrowserCookies.SESSION);
        site.sessions().end(previous);
        SiteCookieFilter.set(request, site.cookies().cookie(request, BrowserCookies.SESSION, session,
                site.sessions().lifetime(), true));
        // As long as the session: a tab the browser restores after a restart still posts its forms (the
        // editor's text) with the tokens it was given, where a browser-session binding would be gone.
        SiteCookieFilter.set(request, site.cookies().cookie(request, BrowserCookies.CSRF, site.csrf().newBinding(),
                site.sessions().lifetime(), true));
        return Response.seeOther(URI.create(safeNext(next))).build();
    }

    @POST
    @Path("logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut(@FormParam("csrf") String csrf, @Context ContainerRequestContext request) {
        site.checkForm(request, csrf);
        site.sessions().end(BrowserCookies.value(request, BrowserCookies.SESSION));
        SiteCookieFilter.set(request, site.cookies().expired(request, BrowserCookies.SESSION));
        SiteCookieFilter.set(request, site.cookies().cookie(request, BrowserCookies.CSRF, site.csrf().newBinding(),
                null, true));
        return Response.seeOther(URI.create("/")).build();
    }

    private Response signInPage(ContainerRequestContext request, int status, String error, String next,
            String name) {
        Caller caller = Callers.caller(request.getSecurityContext());
        Messages messages = Messages.of(site.language(request));
        PageContext page = site.context(request, caller, null,
                new PageContext.PageMeta(messages.text("login.title"), null, null, false, "page-login"));
        Response.ResponseBuilder response = Response.fromResponse(site.page(status, "login.jte", page, "signIn",
                new Pages.SignIn(error == null ? null : messages.text(error), safeNext(next), name)));
        if (status == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"kotae\"");
        }
        return response.build();
    }

    /**
     * {@code next} if it is a path on this site that is also a valid URI reference (so the redirect to it
     * can be built), else {@code /}. Text a browser would percent-encode itself ({@code "}, {@code <},
     * {@code |}, a stray {@code %}, a second {@code #}, a no-break space) is not repaired: such a
     * {@code next} was never written by this site, whose links are encoded. Plain non-ASCII letters
     * ({@code /search?q=返金}) are valid and kept; the {@code Location} header carries them percent-encoded.
     */
    static String safeNext(String next) {
        if (next == null || !LOCAL_PATH.matcher(next).matches()) {
            return "/";
        }
        try {
            URI target = new URI(next);
            // LOCAL_PATH already rules out a scheme and an authority; checked again as the URI reads it.
            return target.getScheme() == null && target.getRawAuthority() == null ? next : "/";
        } catch (URISyntaxException e) {
            return "/";
        }
    }
}

package dev.kotae.site;

import dev.kotae.http.BrowserCookies;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives each browser the cookies the pages rely on, the first time it comes: the CSRF binding that form
 * tokens are made from, and the anonymous visitor id analytics groups events by. Cookies a page decides
 * to set while rendering (language, sign-in) are collected on the request and sent here too.
 */
@SitePage
final class SiteCookieFilter implements ContainerRequestFilter, ContainerResponseFilter {

    static final String CSRF_BINDING = "kotae.site.csrfBinding";
    static final String VISITOR = "kotae.site.visitor";
    private static final String PENDING = "kotae.site.cookies";
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{8,64}");

    private final Site site;

    SiteCookieFilter(Site site) {
        this.site = site;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String binding = BrowserCookies.value(request, BrowserCookies.CSRF);
        if (binding == null || !WELL_FORMED.matcher(binding).matches()) {
            binding = site.csrf().newBinding();
            set(request, site.cookies().cookie(request, BrowserCookies.CSRF, binding, null, true));
        }
        request.setProperty(CSRF_BINDING, binding);
        String visitor = BrowserCookies.value(request, BrowserCookies.VISITOR);
        if (visitor == null || !WELL_FORMED.matcher(visitor).matches()) {
            visitor = UUID.randomUUID().toString();
            set(request, site.cookies().cookie(request, BrowserCookies.VISITOR, visitor, null, false));
        }
        request.setProperty(VISITOR, visitor);
    }

    /** Queues a cookie for this request's response (replacing one of the same name). */
    @SuppressWarnings("unchecked")
    static void set(ContainerRequestContext request, NewCookie cookie) {
        List<NewCookie> pending = (List<NewCookie>) request.getProperty(PENDING);
        if (pending == null) {
            pending = new ArrayList<>();
            request.setProperty(PENDING, pending);
        }
        pending.removeIf(c -> c.getName().equals(cookie.getName()));
        pending.add(cookie);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        List<NewCookie> pending = (List<NewCookie>) request.getProperty(PENDING);
        if (pending != null) {
            for (NewCookie cookie : pending) {
                response.getHeaders().add(HttpHeaders.SET_COOKIE, cookie);
            }
        }
    }
}

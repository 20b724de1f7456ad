/**
 * The help-center pages: customers' home, search and article pages with the vote form, the sign-in
 * pages, the sitemap and {@code robots.txt}, and the agents' analytics, editor, history and audit pages.
 * They are Jersey resources rendered with jte templates ({@code server/src/main/jte}) from records shaped
 * for them ({@link dev.kotae.site.Pages}); {@link dev.kotae.site.Site} holds their settings, assets and
 * the one way a page is put together. They call the same services as the JSON API, with the caller's
 * audience, so a page shows nothing the API would not. What they share with the API about HTTP (the
 * caller, cookies, CSRF tokens, error bodies) is in {@code dev.kotae.http}; they never use
 * {@code dev.kotae.web}, which registers them.
 */
package dev.kotae.site;

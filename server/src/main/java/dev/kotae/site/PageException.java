package dev.kotae.site;

import jakarta.ws.rs.WebApplicationException;

/**
 * A page that cannot be shown: answered with an HTML error page in the visitor's language. The page's
 * title is the status's own ({@code error.<status>.title}) unless the exception names another, its text
 * the status's own unless it names another, and it may offer to sign in, coming back to a given path.
 */
final class PageException extends WebApplicationException {

    private final String titleKey;
    private final String textKey;
    private final String signInNext;

    PageException(int status) {
        this(status, null);
    }

    /** With its own explanation (a message key) instead of the status's usual one. */
    PageException(int status, String textKey) {
        this(status, null, textKey, null);
    }

    private PageException(int status, String titleKey, String textKey, String signInNext) {
        super(status);
        this.titleKey = titleKey;
        this.textKey = textKey;
        this.signInNext = signInNext;
    }

    static PageException notFound() {
        return new PageException(404);
    }

    /**
     * A form post that was refused before it was read (its CSRF token no longer matches this browser, or it
     * came from another site): a 403 that says the form could not be sent and to reload, not that the
     * visitor may not do what they tried.
     */
    static PageException formRefused() {
        return new PageException(403, "error.form.title", "error.form.text", null);
    }

    /**
     * This refusal, offering to sign in and come back to {@code next} (a path on this site, checked again
     * when the sign-in form is shown): for someone signed out meanwhile, in another tab, say.
     */
    PageException withSignIn(String next) {
        return new PageException(getResponse().getStatus(), titleKey, textKey, next);
    }

    /** The message key of the page's title, or {@code null} for the status's own. */
    String titleKey() {
        return titleKey;
    }

    /** The message key of the explanation, or {@code null} for the status's own. */
    String textKey() {
        return textKey;
    }

    /** Where signing in from this page comes back to, or {@code null} if the page does not offer it. */
    String signInNext() {
        return signInNext;
    }
}

package dev.kotae.web;

import dev.kotae.auth.Caller;
import dev.kotae.auth.Role;
import dev.kotae.content.Article;
import dev.kotae.http.ApiException;
import jakarta.ws.rs.NotAuthorizedException;
import java.util.regex.Pattern;

/**
 * What the editing API's resources share: checking ids and callers before anything is read, reading
 * {@code If-Match} / {@code If-None-Match} (the service's refusals become errors in {@link EditErrorMappers}).
 * Versions travel as strong ETags: {@code ETag: "<version>"}, {@code If-Match: "<version>"}.
 */
final class EditRequests {

    /** A history version: a commit id or the id of a kept copy. Never a path. */
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    /** One strong entity tag, as {@link #etag} writes it. */
    private static final Pattern STRONG_TAG = Pattern.compile("\"([^\"\\x00-\\x1f\\x7f]{1,256})\"");

    private EditRequests() {}

    /**
     * {@code id} if it is an article id ({@link Article#ID_PATTERN}), else 400, before anything else is
     * looked at. Ids made only of dots are refused too: they name no article and mean something to a file
     * system.
     */
    static String articleId(String id) {
        if (id == null || !Article.ID_PATTERN.matcher(id).matches() || id.chars().allMatch(c -> c == '.')) {
            throw ApiException.badRequest("bad_id", "an article id is 1-128 letters, digits, '.', '_' or '-'"
                    + " (a plugin source's articles: source:id)");
        }
        return id;
    }

    /** {@code version} if it can be a history version, else 400. */
    static String version(String name, String version) {
        if (version == null || !VERSION.matcher(version).matches() || version.chars().allMatch(c -> c == '.')) {
            throw ApiException.badRequest("bad_version", name + " must be a version from the article's history");
        }
        return version;
    }

    /** The caller if they are an agent or above: 401 for anonymous callers, 403 below that. */
    static Caller agent(Caller caller) {
        return atLeast(caller, Role.AGENT, "this needs the agent role or above");
    }

    /** The caller if they may write articles: 401 for anonymous callers, 403 for agents. */
    static Caller editor(Caller caller) {
        return atLeast(caller, Role.EDITOR, "this needs the editor role or above");
    }

    /** The caller if they are an admin: 401 for anonymous callers, 403 otherwise. */
    static Caller admin(Caller caller) {
        return atLeast(caller, Role.ADMIN, "this needs the admin role");
    }

    private static Caller atLeast(Caller caller, Role role, String message) {
        if (caller.isAnonymous()) {
            throw new NotAuthorizedException(AuthFilter.CHALLENGE);
        }
        if (!caller.role().includes(role)) {
            throw new ApiException(403, "forbidden", message);
        }
        return caller;
    }

    /** The version named by an {@code If-Match} header, or 428 when there is none. */
    static String ifMatch(String header) {
        if (header == null || header.isBlank()) {
            throw new ApiException(428, "precondition_required",
                    "send If-Match: \"<version>\" with the version (ETag) your change started from");
        }
        return tag("If-Match", header);
    }

    /** How a draft save names what it started from. */
    sealed interface Precondition {
        /** {@code If-Match}: the draft revision the caller's text started from. */
        record Revision(String revision) implements Precondition {}

        /** {@code If-None-Match: *}: no draft existed when the caller began. */
        record NoDraft() implements Precondition {}
    }

    /**
     * Reads a draft save's precondition: exactly one of {@code If-Match: "<revision>"} (update a draft)
     * and {@code If-None-Match: *} (start one); neither is 428, both or anything else is 400.
     */
    static Precondition draftPrecondition(String ifMatch, String ifNoneMatch) {
        boolean match = ifMatch != null && !ifMatch.isBlank();
        boolean noneMatch = ifNoneMatch != null && !ifNoneMatch.isBlank();
        if (match && noneMatch) {
            throw ApiException.badRequest("bad_precondition", "send either If-Match or If-None-Match, not both");
        }
        if (noneMatch) {
            if (!ifNoneMatch.strip().equals("*")) {
                throw ApiException.badRequest("bad_precondition", "If-None-Match takes only * here (start a new draft)");
            }
            return new Precondition.NoDraft();
        }
        if (!match) {
            throw new ApiException(428, "precondition_required", "send If-Match: \"<revision>\" to update the draft,"
                    + " or If-None-Match: * to start one");
        }
        return new Precondition.Revision(tag("If-Match", ifMatch));
    }

    /** The one strong tag in a precondition header, else 400. */
    private static String tag(String name, String header) {
        var tag = STRONG_TAG.matcher(header.strip());
        if (!tag.matches()) {
            throw ApiException.badRequest("bad_precondition",
                    name + " takes one strong entity tag, as the ETag header gave it: \"<version>\"");
        }
        return tag.group(1);
    }

    /** An ETag header value for {@code version}. */
    static jakarta.ws.rs.core.EntityTag etag(String version) {
        return new jakarta.ws.rs.core.EntityTag(version);
    }
}

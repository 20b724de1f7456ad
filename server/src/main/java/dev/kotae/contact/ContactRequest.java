package dev.kotae.contact;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a customer submitted on the contact page, as every destination receives it. All text is as the
 * customer typed it (already checked for size, never escaped here): each destination escapes it for its
 * own format.
 *
 * @param id a unique id, the same on every delivery attempt (destinations that can use it as an
 *     idempotency key do, so a retry does not make a second ticket)
 * @param submittedAt when the customer submitted it
 * @param locale the page's language, {@code ja} or {@code en}
 * @param categoryId the category the customer picked (its id in the configuration)
 * @param categoryLabel that category's label in {@code locale}
 * @param priority that category's priority
 * @param name the customer's name, or {@code null}
 * @param email the customer's e-mail address, where the answer goes
 * @param subject the subject line
 * @param description what the customer described
 * @param articlesShown ids of the articles the page suggested while the customer typed, in order
 * @param articlesOpened ids of those the customer opened
 */
public record ContactRequest(String id, Instant submittedAt, String locale, String categoryId, String categoryLabel,
        Priority priority, String name, String email, String subject, String description, List<String> articlesShown,
        List<String> articlesOpened) {

    public ContactRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(submittedAt, "submittedAt");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(categoryId, "categoryId");
        Objects.requireNonNull(categoryLabel, "categoryLabel");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(description, "description");
        articlesShown = articlesShown == null ? List.of() : List.copyOf(articlesShown);
        articlesOpened = articlesOpened == null ? List.of() : List.copyOf(articlesOpened);
    }
}

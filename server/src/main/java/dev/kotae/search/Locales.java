package dev.kotae.search;

import dev.kotae.content.Article;
import dev.kotae.index.LanguageFamily;
import dev.kotae.util.InvalidRequestException;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The locales the help center serves: the configured ones plus any that content uses. A locale
 * parameter outside this set is a client mistake ({@code jp} for {@code ja}), answered with a 400 that
 * lists the valid ones rather than a silent empty page.
 */
public final class Locales {

    private final Set<String> configured;
    private final Supplier<Set<String>> inContent;

    public Locales(Set<String> configured, Supplier<Set<String>> inContent) {
        this.configured = Set.copyOf(configured);
        this.inContent = inContent;
    }

    /** All served locales, sorted. */
    public Set<String> all() {
        Set<String> all = new TreeSet<>(configured);
        all.addAll(inContent.get());
        return all;
    }

    /** Whether any indexed article is in {@code locale} (read from the index's terms, no search). */
    public boolean inContent(String locale) {
        return locale != null && inContent.get().contains(locale);
    }

    /** Checks a locale parameter; {@code null} or blank means "any locale" and passes as {@code null}. */
    public String validate(String locale) {
        if (locale == null || locale.isBlank()) {
            return null;
        }
        // Every search and suggestion validates its locale: a set lookup, the sorted list only for the error.
        if (!configured.contains(locale) && !inContent(locale) || !Article.LOCALE_PATTERN.matcher(locale).matches()) {
            throw new InvalidRequestException("unknown_locale",
                    "unknown locale '" + abbreviate(locale) + "'; this help center serves: " + String.join(", ", all()));
        }
        return locale;
    }

    /** The analysis families a request in {@code locale} ({@code null}: any) must search. */
    public static Set<LanguageFamily> families(String locale) {
        return locale == null ? EnumSet.allOf(LanguageFamily.class) : EnumSet.of(LanguageFamily.of(locale));
    }

    static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}

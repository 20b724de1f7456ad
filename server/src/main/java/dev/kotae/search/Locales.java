package dev.kotae.search;

import dev.kotae.content.Article;
import dev.kotae.index.LanguageFamily;
import dev.kotae.util.InvalidRequestException;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The locales the help center serves: the configured ones plus any that content uses. A locale
 * parameter outside this set is a client mistake ({@code jp} for {@code ja}), answered with a 400 that
 * lists the valid ones rather than a silent empty page. Anonymous callers are told of the locales of
 * public articles only: that internal articles exist in a language is not theirs to learn.
 */
public final class Locales {

    private final Set<String> configured;
    private final Function<Audience, Set<String>> inContent;

    /** @param inContent the locales of the articles {@code audience} may see, read from the index */
    public Locales(Set<String> configured, Function<Audience, Set<String>> inContent) {
        this.configured = Set.copyOf(configured);
        this.inContent = inContent;
    }

    /** All locales served to {@code audience}, sorted. */
    public Set<String> all(Audience audience) {
        Set<String> all = new TreeSet<>(configured);
        all.addAll(inContent.apply(audience));
        return all;
    }

    /** Whether any article {@code audience} may see is in {@code locale} (read from the index's terms, no search). */
    public boolean inContent(String locale, Audience audience) {
        return locale != null && inContent.apply(audience).contains(locale);
    }

    /** Checks a locale parameter; {@code null} or blank means "any locale" and passes as {@code null}. */
    public String validate(String locale, Audience audience) {
        if (locale == null || locale.isBlank()) {
            return null;
        }
        // Every search and suggestion validates its locale: a set lookup, the sorted list only for the error.
        if (!configured.contains(locale) && !inContent(locale, audience)
                || !Article.LOCALE_PATTERN.matcher(locale).matches()) {
            throw new InvalidRequestException("unknown_locale", "unknown locale '" + abbreviate(locale)
                    + "'; this help center serves: " + String.join(", ", all(audience)));
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

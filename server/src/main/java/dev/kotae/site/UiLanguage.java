package dev.kotae.site;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Picks the language of the pages' own words: an explicit choice ({@code ?lang=}, then the remembered
 * cookie), else the browser's {@code Accept-Language} order, else the help center's default locale.
 *
 * <p>A language the browser marks {@code q=0} is "not acceptable" (RFC 9110, 12.4.2) and is never chosen
 * from the header nor as the fallback, unless it is the only UI language left; {@code *} stands for any
 * language not named, the default first. A range with a region ({@code en-GB;q=0}) refuses only that
 * variant, which the UI does not have, so it refuses nothing.
 */
final class UiLanguage {

    private UiLanguage() {}

    /** A supported UI language, or {@code null} for anything else. */
    static String supported(String value) {
        if (value == null) {
            return null;
        }
        String language = value.strip().toLowerCase(Locale.ROOT);
        return Messages.LANGUAGES.contains(language) ? language : null;
    }

    /**
     * @param requested {@code ?lang=}, or {@code null}
     * @param remembered the language cookie, or {@code null}
     * @param acceptable the browser's {@code Accept-Language} ranges, in any order (weight 0 included)
     * @param defaultLocale the help center's default locale
     * @return a supported UI language, never {@code null}
     */
    static String choose(String requested, String remembered, List<Locale.LanguageRange> acceptable,
            String defaultLocale) {
        String chosen = supported(requested);
        if (chosen == null) {
            chosen = supported(remembered);
        }
        if (chosen != null) {
            return chosen;
        }
        Set<String> refused = new HashSet<>();
        for (Locale.LanguageRange range : acceptable) {
            if (range.getWeight() == 0) {
                refused.add(range.getRange());
            }
        }
        // Highest weight first; among equal weights the header's order (the sort is stable).
        List<Locale.LanguageRange> byWeight = acceptable.stream().filter(range -> range.getWeight() > 0)
                .sorted((a, b) -> Double.compare(b.getWeight(), a.getWeight())).toList();
        for (Locale.LanguageRange range : byWeight) {
            chosen = range.getRange().equals("*") ? fallback(defaultLocale, refused)
                    : supported(range.getRange().split("-", 2)[0]);
            if (chosen != null && !refused.contains(chosen)) {
                return chosen;
            }
        }
        chosen = fallback(defaultLocale, refused);
        return chosen != null ? chosen : fallback(defaultLocale, Set.of());
    }

    /** The default UI language, else the first other one, that is not {@code refused}; {@code null} if none. */
    private static String fallback(String defaultLocale, Set<String> refused) {
        String preferred = supported(defaultLocale);
        if (preferred != null && !refused.contains(preferred)) {
            return preferred;
        }
        return Messages.LANGUAGES.stream().filter(language -> !refused.contains(language)).findFirst().orElse(null);
    }

    /** The other UI language, for the switch link. */
    static String other(String language) {
        return Messages.LANGUAGES.stream().filter(l -> !l.equals(language)).findFirst().orElse(language);
    }
}

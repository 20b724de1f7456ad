package dev.kotae.site;

import java.util.List;
import java.util.Locale;

/**
 * Picks the language of the pages' own words: an explicit choice ({@code ?lang=}, then the remembered
 * cookie), else the browser's {@code Accept-Language} order, else the help center's default locale.
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

    static String choose(String requested, String remembered, List<Locale> acceptable, String defaultLocale) {
        String chosen = supported(requested);
        if (chosen == null) {
            chosen = supported(remembered);
        }
        if (chosen == null) {
            for (Locale locale : acceptable) {
                chosen = supported(locale.getLanguage());
                if (chosen != null) {
                    break;
                }
            }
        }
        if (chosen == null) {
            chosen = supported(defaultLocale);
        }
        return chosen == null ? Messages.LANGUAGES.get(0) : chosen;
    }

    /** The other UI language, for the switch link. */
    static String other(String language) {
        return Messages.LANGUAGES.stream().filter(l -> !l.equals(language)).findFirst().orElse(language);
    }
}

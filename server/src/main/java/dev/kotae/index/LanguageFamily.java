package dev.kotae.index;

import java.util.Locale;

/**
 * The analysis chain an article's text goes through, chosen by its locale. Each family has its own
 * set of text fields, so Japanese and English statistics never mix.
 */
public enum LanguageFamily {
    /** Kuromoji morphological analysis, width and kana folding. */
    JA,
    /** Standard tokenizer with English stemming and stop words. */
    EN,
    /** Any other locale: standard tokenizer, lower-casing, accent folding. */
    OTHER;

    /** The suffix of this family's field names, e.g. {@code title.ja}. */
    public String suffix() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The family that analyses text in {@code locale} ({@code ja-JP} is Japanese, {@code en-GB} English). */
    public static LanguageFamily of(String locale) {
        String language = locale.contains("-") ? locale.substring(0, locale.indexOf('-')) : locale;
        return switch (language) {
            case "ja" -> JA;
            case "en" -> EN;
            default -> OTHER;
        };
    }
}

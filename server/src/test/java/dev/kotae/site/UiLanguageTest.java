package dev.kotae.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which UI language a browser's {@code Accept-Language} picks, on a help center whose default is {@code ja}. */
class UiLanguageTest {

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "en-US,en;q=0.9          | en",
        "fr-FR,fr;q=0.9,en;q=0.5 | en",
        "fr                      | ja",
        // q=0 means "not acceptable" (RFC 9110): never chosen from the header.
        "en;q=0                  | ja",
        "EN;q=0.000              | ja",
        "en;q=0, ja;q=0.1        | ja",
        "en-US, en;q=0           | ja",
        // ... nor as the fallback, while another UI language is left.
        "ja;q=0                  | en",
        "ja;q=0, fr              | en",
        "ja;q=0, en;q=0          | ja",
        // A refused region variant is not the UI's generic language.
        "en-GB;q=0, en           | en",
        // * is any language not named, the default first.
        "*                       | ja",
        "ja;q=0, *;q=0.5         | en",
        "fr, *;q=0.1, en;q=0     | ja",
    })
    void acceptLanguage(String header, String expected) {
        assertEquals(expected, UiLanguage.choose(null, null, Locale.LanguageRange.parse(header), "ja"));
    }

    @ParameterizedTest
    @CsvSource({"en, en", "ja, ja"})
    void anExplicitChoiceWinsOverAQZeroInTheHeader(String requested, String expected) {
        assertEquals(expected, UiLanguage.choose(requested, null, Locale.LanguageRange.parse(requested + ";q=0"), "ja"));
        assertEquals(expected, UiLanguage.choose(null, requested, Locale.LanguageRange.parse(requested + ";q=0"), "ja"));
    }

    @ParameterizedTest
    @CsvSource({"ja, ja", "en, en", "fr, ja"})
    void noHeaderGivesTheDefaultOrTheFirstLanguage(String defaultLocale, String expected) {
        assertEquals(expected, UiLanguage.choose(null, null, List.of(), defaultLocale));
    }
}

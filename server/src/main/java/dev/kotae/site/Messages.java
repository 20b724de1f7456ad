package dev.kotae.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The help-center pages' words in each UI language, from {@code site/messages_<lang>.properties}
 * (UTF-8). Arguments fill {@code {0}}, {@code {1}}…; nothing else is special, so an apostrophe is just
 * an apostrophe.
 */
public final class Messages {

    /** The UI languages, the first being the fallback. */
    public static final List<String> LANGUAGES = List.of("ja", "en");

    private static final Map<String, Messages> BY_LANGUAGE = Map.of("ja", load("ja"), "en", load("en"));

    private final String language;
    private final Properties texts;

    private Messages(String language, Properties texts) {
        this.language = language;
        this.texts = texts;
    }

    /** The messages of a UI language ({@link #LANGUAGES}); anything else gets the first one. */
    public static Messages of(String language) {
        Messages messages = language == null ? null : BY_LANGUAGE.get(language);
        return messages != null ? messages : BY_LANGUAGE.get(LANGUAGES.get(0));
    }

    public String language() {
        return language;
    }

    /** The text of {@code key} with its arguments filled in; a missing key shows as itself. */
    public String text(String key, Object... args) {
        String text = texts.getProperty(key);
        if (text == null) {
            return key;
        }
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }

    /** Whether there is a text for {@code key}: for codes (an action, a role) that may have none yet. */
    boolean has(String key) {
        return texts.getProperty(key) != null;
    }

    Set<String> keys() {
        return new TreeSet<>(texts.stringPropertyNames());
    }

    private static Messages load(String language) {
        String resource = "/site/messages_" + language + ".properties";
        try (InputStream in = Messages.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the build");
            }
            Properties texts = new Properties();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                texts.load(reader);
            }
            return new Messages(language, texts);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }
}

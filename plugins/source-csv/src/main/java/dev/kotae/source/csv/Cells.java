package dev.kotae.source.csv;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the values people type into spreadsheet cells. Lenient where the meaning is clear (full-width
 * characters, Japanese words, both date styles), strict where a wrong guess would do harm: an unknown
 * visibility is an error, never "public".
 */
final class Cells {

    static final String PUBLIC = "public";
    static final String INTERNAL = "internal";

    /** Keys are {@link Text#fold folded}, so "Internal-Only", "internal only" and "ＰＵＢＬＩＣ" all match. */
    private static final Map<String, String> VISIBILITIES = Map.of(
            "public", PUBLIC,
            "公開", PUBLIC,
            "internal", INTERNAL,
            "internalonly", INTERNAL,
            "社内", INTERNAL,
            "社内限定", INTERNAL,
            "非公開", INTERNAL);

    private static final Map<String, String> TYPES = Map.of("faq", "faq", "playbook", "playbook");

    /** Language names people write instead of tags; anything else must already be a tag. */
    private static final Map<String, String> LANGUAGE_NAMES =
            Map.of("日本語", "ja", "japanese", "ja", "英語", "en", "english", "en");

    /** The server's locale rule, e.g. {@code ja}, {@code en}, {@code zh-Hant}. */
    private static final Pattern LOCALE_TAG = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?");

    /** Commas, semicolons and bars (ASCII and full-width), the Japanese comma, and line breaks. */
    private static final Pattern TAG_SEPARATORS = Pattern.compile("[,，、;；|｜\\r\\n]+");

    private static final Pattern LINE_BREAKS = Pattern.compile("\\R+");

    /*
     * 2026-02-10, 2026/02/10, 2026/2/10, 2026.2.10 and 2026年2月10日; a time after the date is ignored
     * because Excel exports date-time cells as "2026/2/10 0:00".
     */
    private static final Pattern DATE = Pattern.compile(
            "(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?(?:[\\sT].*)?");

    private Cells() {}

    /** A title on one line: line breaks inside the question cell become spaces. */
    static String title(String cell) {
        return cell == null ? "" : LINE_BREAKS.matcher(cell.strip()).replaceAll(" ").strip();
    }

    /** The answer with {@code \n} line breaks whatever the file used (Excel writes CRLF between rows). */
    static String body(String cell) {
        return cell == null ? "" : cell.replace("\r\n", "\n").replace('\r', '\n').strip();
    }

    /** Tags in their order of appearance, without blanks and repeats; {@code null} when there are none. */
    static List<String> tags(String cell) {
        return distinctNonBlank(TAG_SEPARATORS.split(cell == null ? "" : cell));
    }

    /** One alternative phrasing per line; {@code null} when there are none. */
    static List<String> questions(String cell) {
        return distinctNonBlank(LINE_BREAKS.split(cell == null ? "" : cell));
    }

    /**
     * {@code public} or {@code internal}; {@code null} for a blank cell (the file's default applies).
     *
     * @throws IllegalArgumentException for any other value
     */
    static String visibility(String cell) {
        return lookup(cell, VISIBILITIES, "visibility", "public/公開 or internal/社内/社内限定/非公開");
    }

    /**
     * {@code faq} or {@code playbook}; {@code null} for a blank cell.
     *
     * @throws IllegalArgumentException for any other value
     */
    static String type(String cell) {
        return lookup(cell, TYPES, "type", "faq or playbook");
    }

    /**
     * A locale tag such as {@code ja} ("日本語" and "English" are understood, {@code ja_JP} becomes
     * {@code ja-JP}); {@code null} for a blank cell.
     *
     * @throws IllegalArgumentException when the value is not a locale tag
     */
    static String locale(String cell) {
        if (Text.isBlank(cell)) {
            return null;
        }
        String named = LANGUAGE_NAMES.get(Text.fold(cell));
        if (named != null) {
            return named;
        }
        String tag = Normalizer.normalize(cell.strip(), Normalizer.Form.NFKC).replace('_', '-');
        int dash = tag.indexOf('-');
        tag = dash < 0 ? tag.toLowerCase(Locale.ROOT)
                : tag.substring(0, dash).toLowerCase(Locale.ROOT) + tag.substring(dash);
        if (!LOCALE_TAG.matcher(tag).matches()) {
            throw new IllegalArgumentException("unknown locale '" + cell.strip() + "' (use a tag such as ja or en)");
        }
        return tag;
    }

    /**
     * A date; {@code null} for a blank cell.
     *
     * @throws IllegalArgumentException when the value is not a date in one of the accepted forms
     */
    static LocalDate date(String cell) {
        if (Text.isBlank(cell)) {
            return null;
        }
        Matcher m = DATE.matcher(Normalizer.normalize(cell.strip(), Normalizer.Form.NFKC));
        if (m.matches()) {
            try {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
            } catch (DateTimeException e) {
                // falls through to the error below: 2026/2/30 is as wrong as "来週"
            }
        }
        throw new IllegalArgumentException(
                "unreadable date '" + cell.strip() + "' (use yyyy-MM-dd or yyyy/M/d)");
    }

    private static String lookup(String cell, Map<String, String> values, String what, String allowed) {
        if (Text.isBlank(cell)) {
            return null;
        }
        String value = values.get(Text.fold(cell));
        if (value == null) {
            throw new IllegalArgumentException("unknown " + what + " '" + cell.strip() + "' (use " + allowed + ")");
        }
        return value;
    }

    private static List<String> distinctNonBlank(String[] parts) {
        Set<String> values = Arrays.stream(parts)
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return values.isEmpty() ? null : List.copyOf(values);
    }
}

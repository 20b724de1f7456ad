package dev.kotae.analytics;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What of a customer's query is stored: personal data masked out, and a normalised form (full-width or
 * half-width, upper or lower case, extra spaces folded) by which a click is matched to the search it came
 * from. The reports group spellings more widely, by {@link QuerySpelling}.
 */
public final class QueryText {

    /** Stored queries are cut to this many characters (the search API accepts no longer ones). */
    public static final int MAX_LENGTH = 1000;

    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+");
    /** What groups the digits of a number: a space, or a dash with a space on either side or none. */
    private static final String SEP = "(?: ?- ?| )";
    /** 13-19 digits, optionally grouped by spaces or dashes: a payment card number, or close enough. */
    private static final Pattern CARD = Pattern.compile("(?<![\\d])\\d(?:" + SEP + "?\\d){12,18}(?![\\d])");
    /** International (+81 90 1234 5678, +1-202-555-0143) and Japanese (090-1234-5678, 03-1234-5678, 09012345678). */
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\d+])(?:\\+\\d{1,3}" + SEP + "?(?:\\(0?\\d{1,4}\\)" + SEP + "?)?\\d{1,4}(?:" + SEP + "?\\d{2,4}){1,3}"
                    + "|\\(?0\\d{1,4}\\)?" + SEP + "?\\d{1,4}" + SEP + "\\d{3,4}"
                    + "|0[5789]0\\d{8}|0\\d{9})(?![\\d])");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private QueryText() {}

    /**
     * The query as stored: NFKC-folded (so full-width digits and {@code ＠} are caught too), runs of white
     * space made one space (so "03  1234  5678" is a phone number too), trimmed, with e-mail addresses,
     * card-like numbers and phone numbers replaced by {@code [email]}, {@code [card]} and {@code [phone]},
     * and cut to {@link #MAX_LENGTH} (never between the halves of a surrogate pair). Masking a masked query
     * changes nothing, so a query an agent sends back as listed names the same pair. {@code null} stays
     * {@code null}.
     */
    public static String masked(String query) {
        if (query == null) {
            return null;
        }
        String text = SPACES.matcher(Normalizer.normalize(query, Normalizer.Form.NFKC)).replaceAll(" ").strip();
        // Again until nothing changes: a replacement can uncover a number a look-behind hid ("+6030+353889").
        for (String before = null; !text.equals(before); ) {
            before = text;
            text = EMAIL.matcher(text).replaceAll("[email]");
            text = CARD.matcher(text).replaceAll("[card]");
            text = PHONE.matcher(text).replaceAll("[phone]");
        }
        if (text.length() <= MAX_LENGTH) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_LENGTH - 1)) ? MAX_LENGTH - 1 : MAX_LENGTH;
        return text.substring(0, end).strip();
    }

    /** The key of a masked query ({@code query_key}): lower case, runs of white space as one space. */
    public static String normalized(String masked) {
        if (masked == null) {
            return null;
        }
        return SPACES.matcher(masked.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}

package dev.kotae.index;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a query typed in Latin letters as Japanese romaji and writes it in hiragana, so that a customer
 * who types 「henkin」 or 「ryōshūsho」 can be searched for as 「へんきん」 or 「りょうしゅうしょ」.
 *
 * <p>What it reads:
 * <ul>
 *   <li>Hepburn (shi, chi, tsu, fu, ji, sha/shu/sho, cha…) and kunrei / nihon-shiki (si, ti, tu, hu, zi,
 *       sya, tya, di, du…), mixed freely, as people mix them; the IME spellings jya/cya/she/je/fa/va too.
 *   <li>Long vowels as they are typed: 「ou」, 「oo」, 「uu」 and 「aa」 stay two kana (「pasuwaado」 is
 *       「ぱすわあど」: which long vowels become 「ー」 is not knowable from the letters). Macrons and
 *       circumflexes are long vowels: ā/â → ああ, ī/î → いい, ū/û → うう, ē/ê → ええ, and ō/ô → おう
 *       (the far more common long o, as in 東京 Tōkyō). A hyphen is 「ー」, as an IME types it.
 *   <li>A doubled consonant (「shippu」, 「kitte」, and 「tch」 as in 「matcha」) is 「っ」.
 *   <li>「n」 before a consonant or at the end, 「n'」, and 「nn」 are 「ん」; 「nn」 before a vowel or y
 *       is 「ん」 and a new syllable (「onna」 is 「おんな」, as Hepburn writes it). 「m」 before b, p or m
 *       is 「ん」 (Hepburn's 「shimbun」).
 *   <li>wa/wo are わ/を; wi/we are うぃ/うぇ, as a modern IME writes them (ゐ/ゑ are not used today).
 *   <li>Small kana with an 「x」 prefix (xa, xtsu, xya…). The 「l」 prefix that some IMEs also accept is
 *       refused on purpose: it would turn English words such as 「login」 or 「line」 into kana.
 *   <li>Case-insensitive; full-width letters are folded first; runs of whitespace become one space, and
 *       the text is trimmed.
 * </ul>
 *
 * <p>Text that romaji cannot spell — letters that no syllable starts with there (「th」, 「l」, 「c」
 * outside 「ch」, 「q」, a consonant left at the end…), digits, other punctuation — gives an empty answer,
 * so 「refund」, 「password」 and 「the」 are not romaji. Many short English words still are (「anime」,
 * 「same」): whether the kana reading is the right one is left to the search, by its results.
 */
public final class Romaji {

    /** Longest romaji spelling of one kana sound in {@link #SYLLABLES}. */
    private static final int LONGEST_SYLLABLE = 4;
    private static final Map<String, String> SYLLABLES = syllables();

    private Romaji() {}

    /**
     * {@code text} written in hiragana, or empty when it is not romaji: blank, or with anything that no
     * romaji spelling fits (see the class comment).
     */
    public static Optional<String> toHiragana(String text) {
        String letters = fold(text);
        if (letters.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder kana = new StringBuilder(letters.length());
        int i = 0;
        while (i < letters.length()) {
            char c = letters.charAt(i);
            char next = i + 1 < letters.length() ? letters.charAt(i + 1) : '\0';
            if (c == ' ') {
                kana.append(' ');
                i++;
            } else if (c == '-') {
                kana.append('ー');
                i++;
            } else if (c == 'n' && next == '\'') {
                kana.append('ん');
                i += 2;
            } else if (c == 'n' && next == 'n') {
                kana.append('ん');
                char afterPair = i + 2 < letters.length() ? letters.charAt(i + 2) : '\0';
                // 「onna」: the second n starts the next syllable; 「hennkinn」: both are the one ん.
                i += startsSyllableAfterN(afterPair) ? 1 : 2;
            } else if (c == 'n' && !startsSyllableAfterN(next)) {
                kana.append('ん');
                i++;
            } else if (c == 'm' && (next == 'b' || next == 'p' || next == 'm')) {
                kana.append('ん');
                i++;
            } else if (isDoubledConsonant(c, next, letters, i)) {
                kana.append('っ');
                i++;
            } else {
                int length = longestSyllableAt(letters, i);
                if (length == 0) {
                    return Optional.empty();
                }
                kana.append(SYLLABLES.get(letters.substring(i, i + length)));
                i += length;
            }
        }
        return Optional.of(kana.toString());
    }

    /**
     * Full-width to ASCII and case folded (NFKC, then lower case), macron and circumflex vowels spelled
     * out, typographic apostrophes made plain, whitespace runs made one space, and the ends trimmed.
     */
    private static String fold(String text) {
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(normalized.length() + 4);
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            if (Character.isWhitespace(c)) {
                if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                    out.append(' ');
                }
                continue;
            }
            out.append(switch (c) {
                case 'ā', 'â' -> "aa";
                case 'ī', 'î' -> "ii";
                case 'ū', 'û' -> "uu";
                case 'ē', 'ê' -> "ee";
                case 'ō', 'ô' -> "ou";
                case '\u2019', '\u2018' -> "'";
                default -> String.valueOf(c);
            });
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') {
            end--;
        }
        return out.substring(0, end);
    }

    /** Whether an 「n」 followed by {@code c} is the start of a syllable (na, nya…) rather than 「ん」. */
    private static boolean startsSyllableAfterN(char c) {
        return isVowel(c) || c == 'y';
    }

    /**
     * Whether the consonant at {@code i} only doubles the one after it (「っ」): the same consonant twice
     * (not n or m, which are 「ん」), or the 「t」 of Hepburn's 「tch」.
     */
    private static boolean isDoubledConsonant(char c, char next, String letters, int i) {
        if (c == 't' && next == 'c' && i + 2 < letters.length() && letters.charAt(i + 2) == 'h') {
            return true;
        }
        return c == next && c >= 'a' && c <= 'z' && !isVowel(c) && c != 'n' && c != 'm';
    }

    private static boolean isVowel(char c) {
        return c == 'a' || c == 'i' || c == 'u' || c == 'e' || c == 'o';
    }

    /** The length of the longest romaji spelling that starts at {@code i}, or 0 when none does. */
    private static int longestSyllableAt(String letters, int i) {
        for (int length = Math.min(LONGEST_SYLLABLE, letters.length() - i); length > 0; length--) {
            if (SYLLABLES.containsKey(letters.substring(i, i + length))) {
                return length;
            }
        }
        return 0;
    }

    private static Map<String, String> syllables() {
        Map<String, String> table = new HashMap<>();
        String vowels = "aiueo";
        String[][] rows = {
            // spelling of the consonant, kana for a i u e o (an empty entry: no such syllable)
            {"", "あ", "い", "う", "え", "お"},
            {"k", "か", "き", "く", "け", "こ"},
            {"g", "が", "ぎ", "ぐ", "げ", "ご"},
            {"s", "さ", "し", "す", "せ", "そ"},
            {"z", "ざ", "じ", "ず", "ぜ", "ぞ"},
            {"t", "た", "ち", "つ", "て", "と"},
            {"d", "だ", "ぢ", "づ", "で", "ど"},
            {"n", "な", "に", "ぬ", "ね", "の"},
            {"h", "は", "ひ", "ふ", "へ", "ほ"},
            {"b", "ば", "び", "ぶ", "べ", "ぼ"},
            {"p", "ぱ", "ぴ", "ぷ", "ぺ", "ぽ"},
            {"m", "ま", "み", "む", "め", "も"},
            {"y", "や", "", "ゆ", "いぇ", "よ"},
            {"r", "ら", "り", "る", "れ", "ろ"},
            {"w", "わ", "うぃ", "う", "うぇ", "を"},
            {"f", "ふぁ", "ふぃ", "ふ", "ふぇ", "ふぉ"},
            {"v", "ゔぁ", "ゔぃ", "ゔ", "ゔぇ", "ゔぉ"},
            // Hepburn
            {"sh", "しゃ", "し", "しゅ", "しぇ", "しょ"},
            {"ch", "ちゃ", "ち", "ちゅ", "ちぇ", "ちょ"},
            {"j", "じゃ", "じ", "じゅ", "じぇ", "じょ"},
            {"ts", "", "", "つ", "", ""},
            // small kana, typed with an x as on an IME
            {"x", "ぁ", "ぃ", "ぅ", "ぇ", "ぉ"},
            {"xy", "ゃ", "", "ゅ", "", "ょ"},
            {"xts", "", "", "っ", "", ""},
            {"xt", "", "", "っ", "", ""},
            {"xw", "ゎ", "", "", "", ""},
        };
        for (String[] row : rows) {
            for (int v = 0; v < vowels.length(); v++) {
                if (!row[v + 1].isEmpty()) {
                    table.put(row[0] + vowels.charAt(v), row[v + 1]);
                }
            }
        }
        // Contracted sounds: a consonant's i-kana with a small ya/yu/yo (kunrei's sya, tya, zya and the
        // IME's jya, cya as well as Hepburn's kya, nya…).
        Map<String, String> iKana = Map.ofEntries(
                Map.entry("k", "き"), Map.entry("g", "ぎ"), Map.entry("s", "し"), Map.entry("z", "じ"),
                Map.entry("t", "ち"), Map.entry("c", "ち"), Map.entry("d", "ぢ"), Map.entry("n", "に"),
                Map.entry("h", "ひ"), Map.entry("b", "び"), Map.entry("p", "ぴ"), Map.entry("m", "み"),
                Map.entry("r", "り"), Map.entry("j", "じ"), Map.entry("f", "ふ"));
        Map<Character, String> smallY = Map.of('a', "ゃ", 'u', "ゅ", 'o', "ょ");
        iKana.forEach((consonant, kana) -> smallY.forEach(
                (vowel, small) -> table.put(consonant + "y" + vowel, kana + small)));
        return Map.copyOf(table);
    }
}

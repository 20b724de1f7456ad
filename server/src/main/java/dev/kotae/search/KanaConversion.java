package dev.kotae.search;

import dev.kotae.index.IndexFields;
import dev.kotae.index.KanaNormalizer;
import dev.kotae.index.LanguageFamily;
import dev.kotae.index.ReadingVocabulary;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.IndexReader;

/**
 * Reads the kana of a query as the help center writes its words: 「へんきん」 as 返金, 「りょうしゅうしょ」
 * as 領収書, 「返金 きかん」 as 返金 期間. Each run of kana (hiragana, katakana, 「ー」; half-width already
 * folded) of at least two letters is cut, by dynamic programming, into readings of the caller's
 * {@link ReadingVocabulary} and particles or grammatical endings left as typed (「へんきんのほうほう」 is
 * 返金 + の + 方法); fewer, longer words are preferred. A run is left as typed when some of its letters
 * are neither a word nor such an ending (the rest of a sentence: 「どうすればいい」); when it touches a
 * kanji (the customer's IME converted that phrase: 「ごみの出し方」); when the help center writes it in
 * kana itself (パスワード, はしか: it is then noted as a {@link KanaWord}, searched as one word); and when
 * it is katakana but not one word as a whole (「コンビニエン」). Two runs one space apart are first tried
 * as one word (「ぶんかつ ばらい」 is 分割払い). A two-letter word converts only as a whole run (「すでに」 is not 素手 + に). Of a reading's written
 * forms, those the caller's articles use most win: 「こうかん」 is 交換 in a shop's help center, not 好感.
 *
 * <p>Lookups seek the terms dictionary directly ({@link ReadingVocabulary#forms}); a prefix no term has
 * ends the search for longer words at that letter, and each query makes at most {@link #MAX_LOOKUPS}.
 */
final class KanaConversion {

    /** Bounds the work for a long query; beyond it the rest of the text is left as typed. */
    static final int MAX_LOOKUPS = 96;
    /** No help-center noun is read with more letters than this. */
    private static final int MAX_WORD_LENGTH = 16;
    /** A written form used by less than this share of a reading's uses is not searched for. */
    static final double MIN_SHARE = 0.2;
    private static final int MAX_FORMS = 3;
    /**
     * A word shorter than this converts only when it is the whole run: two letters inside a run are too
     * often the end of one word and the start of another (「すでに」 is not 素手 + に, 「はしか」 not は + 歯科).
     */
    static final int MIN_WORD_IN_RUN = 3;

    /**
     * Particles and endings a run may keep as typed between and after its words (in katakana, as runs are
     * compared). Longer first is not needed: the cutting tries each.
     */
    private static final Set<String> KEPT_AS_TYPED = Set.of(
            "ノ", "ヲ", "ガ", "ハ", "ニ", "デ", "ト", "モ", "ヘ", "ヤ", "カ", "ネ", "ヨ",
            "ガナイ", "ニツイテ", "トハ", "ノデ", "カラ", "マデ", "ナド",
            "スル", "シタ", "シテ", "シタイ", "シナイ", "シマス", "シマシタ", "サレル", "サレナイ", "デキル",
            "デキナイ", "デキマス", "デキマセン", "シタイデス", "ヲシタイ",
            "クダサイ", "ホシイ", "タイ", "ナイ", "デス", "デスカ", "マス", "マスカ", "マセン", "シタラ",
            "ドウ", "ドウヤッテ", "イツ", "ドコ", "ナニ", "ナン");
    private static final float WORD_COST = 1f;
    private static final float KEPT_COST_PER_LETTER = 0.25f;

    /** One converted word: its reading, and its written forms with the share of the reading's uses each has. */
    record Word(String typed, String reading, List<Form> forms) {

        /** The form shown to the caller ("did you mean"). */
        String written() {
            return forms.get(0).written();
        }
    }

    /**
     * A word the help center writes in kana, typed from {@code start} to {@code end} of the query; its
     * {@code reading} (katakana) is how it is indexed.
     */
    record KanaWord(String reading, int start, int end) {}

    /** A written form of a reading and its share (0–1] of the forms searched. */
    record Form(String written, double share) {}

    /**
     * What the kana of a query were read as.
     *
     * @param readAs the query with each converted word written as the help center writes it, or
     *     {@code null} when no word was converted
     * @param words the converted words
     * @param unconverted the query with the converted words blanked out: what kana bigrams are taken from
     * @param kanaWords the words the help center writes in kana, as they were typed (「きゃんせる」 for
     *     キャンセル): they stay as typed, but are searched as one word, not as the pieces Kuromoji cuts
     *     hiragana it does not know into (き + ゃんせる)
     */
    record Conversion(String readAs, List<Word> words, String unconverted, List<KanaWord> kanaWords) {

        static final Conversion NONE = new Conversion(null, List.of(), null, List.of());

        boolean converted() {
            return readAs != null;
        }
    }

    /**
     * How {@code text} (folded, as {@code SearchService} searches it) reads in the vocabulary of the
     * documents {@code scope} has live, from the field of {@code audience}.
     */
    static Conversion convert(String text, IndexReader scope, Audience audience) throws IOException {
        String field = IndexFields.readings(audience == Audience.PUBLIC);
        Lookups lookups = new Lookups(scope, field);
        StringBuilder readAs = new StringBuilder(text.length());
        StringBuilder unconverted = new StringBuilder(text.length());
        List<Word> words = new ArrayList<>();
        List<KanaWord> kanaWords = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int end = i;
            while (end < text.length() && isKana(text.charAt(end))) {
                end++;
            }
            if (end == i) {
                readAs.append(text.charAt(i));
                unconverted.append(text.charAt(i));
                i++;
                continue;
            }
            String run = text.substring(i, end);
            int nextEnd = nextRunEnd(text, end);
            Word joined = nextEnd < 0 || standsBesideKanji(text, i, nextEnd) ? null
                    : lookups.wholeWord(text.substring(i, nextEnd), run + text.substring(end + 1, nextEnd));
            if (joined != null) {
                words.add(joined);
                readAs.append(joined.written());
                unconverted.append(" ".repeat(nextEnd - i));
                i = nextEnd;
                continue;
            }
            boolean standsAlone = !standsBesideKanji(text, i, end);
            lookups.lastRunWrittenAsTyped = false;
            List<Piece> pieces = standsAlone && run.length() >= ReadingVocabulary.MIN_READING_LENGTH
                    ? cut(run, lookups) : null;
            if (pieces == null) {
                if (standsAlone && lookups.lastRunWrittenAsTyped) {
                    kanaWords.add(new KanaWord(KanaNormalizer.normalize(run), i, end));
                }
                readAs.append(run);
                unconverted.append(run);
            } else {
                for (Piece piece : pieces) {
                    if (piece.word() == null) {
                        if (piece.inKana()) {
                            kanaWords.add(new KanaWord(KanaNormalizer.normalize(piece.typed()), unconverted.length(),
                                    unconverted.length() + piece.typed().length()));
                        }
                        readAs.append(piece.typed());
                        unconverted.append(piece.typed());
                    } else {
                        words.add(piece.word());
                        readAs.append(piece.word().written());
                        unconverted.append(" ".repeat(piece.typed().length()));
                    }
                }
            }
            i = end;
        }
        if (words.isEmpty()) {
            return kanaWords.isEmpty() ? Conversion.NONE : new Conversion(null, List.of(), text, kanaWords);
        }
        return new Conversion(readAs.toString(), words, unconverted.toString(), kanaWords);
    }

    /**
     * The end of the kana run that follows the run ending at {@code end} after one space, or -1 if none does:
     * a word typed in two parts (「ぶんかつ ばらい」, 「bunkatsu barai」) is read as one when it is one as a
     * whole.
     */
    private static int nextRunEnd(String text, int end) {
        if (end + 1 >= text.length() || text.charAt(end) != ' ' || !isKana(text.charAt(end + 1))) {
            return -1;
        }
        int next = end + 1;
        while (next < text.length() && isKana(text.charAt(next))) {
            next++;
        }
        return next;
    }

    /** Whether the text from {@code start} to {@code end} touches a kanji on either side. */
    private static boolean standsBesideKanji(String text, int start, int end) {
        return (start > 0 && isKanji(text.charAt(start - 1))) || (end < text.length() && isKanji(text.charAt(end)));
    }

    /** A piece of a run: a converted word, or letters kept as typed ({@code word} null). */
    private record Piece(String typed, Word word, boolean inKana) {

        Piece(String typed, Word word) {
            this(typed, word, false);
        }
    }

    /**
     * The cheapest cut of {@code run} into words and kept letters, or {@code null} if it has none or
     * converts no word.
     */
    private static List<Piece> cut(String run, Lookups lookups) throws IOException {
        String reading = KanaNormalizer.normalize(run);
        int n = run.length();
        if (reading.length() != n || !ReadingVocabulary.isKatakana(reading)) {
            return null;
        }
        if (lookups.writtenAsTyped(reading)) {
            lookups.lastRunWrittenAsTyped = true;
            return null;
        }
        // Katakana is typed for katakana words: only a run that is one word as a whole (ヘンキン) is read
        // as another, not the start of a longer word (「コンビニエン」 is not コンビニ + 園).
        boolean katakana = run.chars().noneMatch(c -> c >= '\u3041' && c <= '\u3096');
        float[] cost = new float[n + 1];
        Piece[] last = new Piece[n + 1];
        int[] from = new int[n + 1];
        Arrays.fill(cost, Float.POSITIVE_INFINITY);
        cost[0] = 0;
        for (int start = 0; start < n; start++) {
            if (cost[start] == Float.POSITIVE_INFINITY) {
                continue;
            }
            boolean inVocabulary = true;
            for (int end = start + 1; end <= Math.min(n, start + MAX_WORD_LENGTH); end++) {
                String part = reading.substring(start, end);
                if (KEPT_AS_TYPED.contains(part)) {
                    relax(cost, last, from, start, end, KEPT_COST_PER_LETTER * part.length(),
                            new Piece(run.substring(start, end), null));
                }
                boolean wholeRun = start == 0 && end == n;
                if (part.length() < ReadingVocabulary.MIN_READING_LENGTH || !inVocabulary) {
                    continue;
                }
                if (!wholeRun && (katakana || part.length() < MIN_WORD_IN_RUN)) {
                    inVocabulary = lookups.hasPrefix(part);
                    continue;
                }
                // No reading starts so: no longer one will either (kept endings may still be longer).
                inVocabulary = lookups.hasPrefix(part);
                Word word = inVocabulary ? lookups.word(run.substring(start, end), part) : null;
                if (word != null) {
                    relax(cost, last, from, start, end, WORD_COST, new Piece(run.substring(start, end),
                            word.forms().isEmpty() ? null : word, word.forms().isEmpty()));
                }
            }
        }
        if (cost[n] == Float.POSITIVE_INFINITY) {
            return null;
        }
        List<Piece> pieces = new ArrayList<>();
        for (int at = n; at > 0; at = from[at]) {
            pieces.add(0, last[at]);
        }
        return pieces.stream().anyMatch(piece -> piece.word() != null) ? pieces : null;
    }

    private static void relax(float[] cost, Piece[] last, int[] from, int start, int end, float step, Piece piece) {
        if (cost[start] + step < cost[end]) {
            cost[end] = cost[start] + step;
            last[end] = piece;
            from[end] = start;
        }
    }

    /**
     * Whether {@code c} is a kanji: kana that touch one (「ごみの出し方」, 「返金のじき」) belong to a phrase the
     * customer's IME already converted, and are written so on purpose; only kana that stand alone (the
     * whole query, or between spaces or punctuation: 「返金 きかん」) are read as other words.
     */
    private static boolean isKanji(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    /** Hiragana, katakana or 「ー」 (the text is width-folded, so half-width katakana is full-width here). */
    private static boolean isKana(char c) {
        return (c >= '\u3041' && c <= '\u3096') || (c >= '\u30A1' && c <= '\u30FA') || c == '\u30FC';
    }

    /** The vocabulary lookups of one query, at most {@link #MAX_LOOKUPS}. */
    private static final class Lookups {
        private final IndexReader reader;
        private final String field;
        private int made;
        /** Whether the run {@link #cut} last looked at is written in kana by the help center as a whole. */
        boolean lastRunWrittenAsTyped;

        Lookups(IndexReader reader, String field) {
            this.reader = reader;
            this.field = field;
        }

        /**
         * Whether the help center writes {@code reading} in kana itself: a word of its Japanese text is
         * the run as typed (はしか, いきいき; words in kana are indexed in katakana).
         */
        boolean writtenAsTyped(String reading) throws IOException {
            return ++made <= MAX_LOOKUPS && ReadingVocabulary.usedBy(reader, IndexFields.body(LanguageFamily.JA), reading);
        }

        /**
         * The word that {@code letters} (kana with no space) are as a whole, with written forms, or
         * {@code null}; {@code typed} is how they were typed.
         */
        Word wholeWord(String typed, String letters) throws IOException {
            String reading = KanaNormalizer.normalize(letters);
            if (reading.length() != letters.length() || reading.length() > MAX_WORD_LENGTH
                    || !ReadingVocabulary.isKatakana(reading) || writtenAsTyped(reading)) {
                return null;
            }
            Word word = word(typed, reading);
            return word == null || word.forms().isEmpty() ? null : word;
        }

        boolean hasPrefix(String reading) throws IOException {
            return ++made <= MAX_LOOKUPS && ReadingVocabulary.hasReadingStartingWith(reader, field, reading);
        }

        /**
         * The word {@code reading} is, or {@code null} if it is none; with no forms if the help center writes
         * it in kana itself (it stays as typed, but as a word).
         */
        Word word(String typed, String reading) throws IOException {
            if (++made > MAX_LOOKUPS) {
                return null;
            }
            Map<String, Integer> forms = ReadingVocabulary.forms(reader, field, reading);
            if (forms.isEmpty()) {
                return null;
            }
            String top = forms.keySet().iterator().next();
            if (KanaNormalizer.normalize(top).equals(reading)) {
                return new Word(typed, reading, List.of());
            }
            int total = forms.values().stream().mapToInt(Integer::intValue).sum();
            List<Form> kept = new ArrayList<>();
            for (Map.Entry<String, Integer> form : forms.entrySet()) {
                double share = form.getValue() / (double) total;
                boolean searched = kept.isEmpty() || (kept.size() < MAX_FORMS && share >= MIN_SHARE);
                if (searched && !KanaNormalizer.normalize(form.getKey()).equals(reading)) {
                    kept.add(new Form(form.getKey(), share));
                }
            }
            double keptTotal = kept.stream().mapToDouble(Form::share).sum();
            return new Word(typed, reading, kept.stream().map(f -> new Form(f.written(), f.share() / keptTotal)).toList());
        }
    }
}

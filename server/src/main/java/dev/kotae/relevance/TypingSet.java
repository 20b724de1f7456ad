package dev.kotae.relevance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The "as people type Japanese" set: queries a customer sends before (or instead of) the IME's kanji
 * conversion, in hiragana, katakana, half-width katakana, romaji and mixed scripts, each with the one
 * public article of the bundled sample help center that answers it. Written by hand (issue 27) and kept
 * as data in {@value #RESOURCE} beside this class, so {@code kotae eval} and the tests read the same set.
 */
public final class TypingSet {

    static final String RESOURCE = "ja-typing.tsv";

    /** How a query is written. Every kind but {@link #SYNONYM} counts towards the figures. */
    public enum Kind {
        HIRAGANA("hiragana"),
        KATAKANA("katakana"),
        /** Half-width katakana (ﾍﾝｷﾝ), alone or with other scripts. */
        HALFWIDTH("halfwidth"),
        /** Latin letters, Hepburn as typed on a keyboard: shi, chi, tsu, fu, ja; long vowels as ou, uu. */
        ROMAJI_HEPBURN("romaji-hepburn"),
        /** Latin letters, kunrei: si, ti, tu, hu, zya, syo. */
        ROMAJI_KUNREI("romaji-kunrei"),
        /** Kanji or katakana words written as the article does, next to a word typed in kana. */
        MIXED("mixed"),
        /** Only a synonym can answer it (解約 for an article that says 退会): printed, never counted. */
        SYNONYM("synonym");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The name in the data file and the printed tables. */
        public String label() {
            return label;
        }

        /** Whether queries of this kind count towards the overall figures. */
        public boolean counted() {
            return this != SYNONYM;
        }

        public boolean romaji() {
            return this == ROMAJI_HEPBURN || this == ROMAJI_KUNREI;
        }

        static Kind of(String label) {
            for (Kind kind : values()) {
                if (kind.label.equals(label)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("unknown kind '" + label + "' (known: "
                    + Arrays.stream(values()).map(Kind::label).toList() + ")");
        }
    }

    /**
     * One line of the set.
     *
     * @param text what the customer sends
     * @param expected the id of the article that answers it
     * @param written the same query as written after kanji conversion: the control, found today
     * @param note where its words come from in the article (may be empty)
     */
    public record Query(String text, Kind kind, String expected, String written, String note) {}

    private TypingSet() {}

    /** The set bundled with the server. */
    public static List<Query> load() throws IOException {
        try (InputStream in = TypingSet.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException(RESOURCE + " is not on the classpath beside " + TypingSet.class.getName());
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /**
     * Parses the tab-separated set: {@code query kind expected written [note]}, one query a line; blank
     * lines and lines starting with {@code #} are skipped.
     *
     * @throws IllegalArgumentException naming the line, for a line with too few columns or an unknown kind
     */
    static List<Query> parse(String text) {
        List<Query> queries = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t", -1);
            if (columns.length < 4 || columns[0].isBlank() || columns[2].isBlank() || columns[3].isBlank()) {
                throw new IllegalArgumentException(RESOURCE + " line " + (i + 1)
                        + ": not 'query<TAB>kind<TAB>expected<TAB>written[<TAB>note]': " + line);
            }
            Kind kind;
            try {
                kind = Kind.of(columns[1].strip().toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(RESOURCE + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
            queries.add(new Query(columns[0].strip(), kind, columns[2].strip(), columns[3].strip(),
                    columns.length > 4 ? columns[4].strip() : ""));
        }
        return List.copyOf(queries);
    }
}

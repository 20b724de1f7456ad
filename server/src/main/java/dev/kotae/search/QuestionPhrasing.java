package dev.kotae.search;

import dev.kotae.index.Analysis;
import dev.kotae.index.IndexFields;
import dev.kotae.index.LanguageFamily;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words customers wrap a question in («…を教えてください», «…はどこですか», "how do I …", "is it
 * possible to …"). They say that something is asked, not what, so a query's match on them counts less:
 * otherwise an FAQ that merely shares the phrasing outranks the one about the subject. The lists are
 * analysed with each language's chain, so they hold index terms (stems, base forms, folded kana).
 */
final class QuestionPhrasing {

    private static final List<String> JAPANESE = List.of(
            "どう", "どうして", "なぜ", "何", "なに", "どこ", "どの", "どれ", "どんな", "いつ",
            "いい", "良い", "よい", "教えてください", "教えて下さい", "知りたい", "分かる", "わかる",
            "欲しい", "ほしい", "もらえる", "くれる", "いただく", "頂く", "やる", "くる", "いく", "しまう",
            "できる", "出来る", "思う", "困る");
    private static final List<String> SPACED = List.of(
            "how", "what", "why", "when", "where", "which", "do", "does", "can", "could", "would", "should",
            "i", "i'd", "i'm", "am", "me", "my", "you", "anyone", "have", "has", "get", "make", "way",
            "possible", "able", "want", "like", "need", "something", "any", "some", "really", "somehow", "from");

    private final Map<LanguageFamily, Set<String>> terms = new EnumMap<>(LanguageFamily.class);

    QuestionPhrasing(Analysis analysis) {
        for (LanguageFamily family : LanguageFamily.values()) {
            Set<String> analysed = new HashSet<>();
            for (String word : family == LanguageFamily.JA ? JAPANESE : SPACED) {
                analysed.addAll(TextQueries.terms(analysis.text(family), IndexFields.body(family), word, Integer.MAX_VALUE)
                        .keySet());
            }
            terms.put(family, Set.copyOf(analysed));
        }
    }

    boolean isPhrasing(LanguageFamily family, String term) {
        return terms.get(family).contains(term);
    }
}

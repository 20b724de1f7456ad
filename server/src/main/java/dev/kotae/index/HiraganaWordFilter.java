package dev.kotae.index;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Writes words spelled wholly in hiragana in katakana, so 「ごみ」 and 「ゴミ」, 「いい」 and 「イイ」 are one
 * term. Words with kanji keep their okurigana as they are (「亡くなる」 stays itself): folding inside them
 * would join unrelated words. Runs after Kuromoji, which segments hiragana and katakana differently.
 */
public final class HiraganaWordFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    public HiraganaWordFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        char[] buffer = term.buffer();
        int length = term.length();
        for (int i = 0; i < length; i++) {
            if (!KanaNormalizer.isHiragana(buffer[i]) && buffer[i] != KanaNormalizer.PROLONGED_SOUND_MARK) {
                return true;
            }
        }
        for (int i = 0; i < length; i++) {
            buffer[i] = KanaNormalizer.toKatakana(buffer[i]);
        }
        return true;
    }
}

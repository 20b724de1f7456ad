package dev.kotae.index;

import dev.kotae.content.Article;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;

/**
 * What a suggestion shows of an article: its id, visibility, title and questions from the article's
 * {@link ArticleCard}, and the suggestion keys of each phrase, kept as a doc value of their own. Both are
 * uncompressed: suggestions read a dozen candidates per keystroke, and from stored fields each one
 * would decompress the article's whole stored text.
 *
 * @param phraseKeys the keys of the title, then of each question, each phrase's keys joined by
 *     {@link IndexFields#SUGGEST_KEY_SEPARATOR}
 */
public record SuggestCard(String id, String visibility, String title, List<String> questions, List<String> phraseKeys) {

    /** The doc value of the phrase keys. */
    static BytesRef encodeKeys(List<String> phraseKeys) {
        ByteBuffersDataOutput out = new ByteBuffersDataOutput();
        try {
            ArticleCard.writeList(out, phraseKeys);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return new BytesRef(out.toArrayCopy());
    }

    /** The card of top-level document {@code doc}, or {@code null} if it has no suggestion keys. */
    static SuggestCard read(IndexReader reader, int doc) throws IOException {
        BytesRef keys = ArticleDocuments.binaryValue(reader, doc, IndexFields.SUGGEST_KEYS);
        if (keys == null) {
            return null;
        }
        List<String> phraseKeys = ArticleCard.readList(new ByteArrayDataInput(keys.bytes, keys.offset, keys.length));
        Article article = ArticleDocuments.summary(reader, doc);
        return new SuggestCard(article.id(), article.visibility().key(), article.title(), article.questions(),
                phraseKeys);
    }
}

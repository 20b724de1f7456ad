package dev.kotae.index;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;

/**
 * What a suggestion shows of an article, kept as one uncompressed doc value: its id, visibility, title,
 * questions and the suggestion keys of each phrase. Suggestions read a dozen candidates per keystroke;
 * from stored fields each one decompressed the article's whole stored text, a quarter of a suggestion.
 *
 * @param phraseKeys the keys of the title, then of each question, each phrase's keys joined by
 *     {@link IndexFields#SUGGEST_KEY_SEPARATOR}
 */
public record SuggestCard(String id, String visibility, String title, List<String> questions, List<String> phraseKeys) {

    BytesRef encode() {
        ByteBuffersDataOutput out = new ByteBuffersDataOutput();
        try {
            out.writeString(id);
            out.writeString(visibility);
            out.writeString(title);
            ArticleCard.writeList(out, questions);
            ArticleCard.writeList(out, phraseKeys);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return new BytesRef(out.toArrayCopy());
    }

    /** The card of top-level document {@code doc}, or {@code null} if it has none. */
    public static SuggestCard read(IndexReader reader, int doc) throws IOException {
        BytesRef bytes = ArticleDocuments.binaryValue(reader, doc, IndexFields.SUGGEST_CARD);
        if (bytes == null) {
            return null;
        }
        ByteArrayDataInput in = new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length);
        return new SuggestCard(in.readString(), in.readString(), in.readString(), ArticleCard.readList(in), ArticleCard.readList(in));
    }

}

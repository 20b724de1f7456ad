package dev.kotae.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
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
            writeList(out, questions);
            writeList(out, phraseKeys);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return new BytesRef(out.toArrayCopy());
    }

    private static void writeList(ByteBuffersDataOutput out, List<String> values) throws IOException {
        out.writeVInt(values.size());
        for (String value : values) {
            out.writeString(value);
        }
    }

    /** The card of top-level document {@code doc}, or {@code null} if it has none. */
    public static SuggestCard read(IndexReader reader, int doc) throws IOException {
        LeafReaderContext leaf = reader.leaves().get(ReaderUtil.subIndex(doc, reader.leaves()));
        BinaryDocValues cards = leaf.reader().getBinaryDocValues(IndexFields.SUGGEST_CARD);
        if (cards == null || !cards.advanceExact(doc - leaf.docBase)) {
            return null;
        }
        BytesRef bytes = cards.binaryValue();
        ByteArrayDataInput in = new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length);
        return new SuggestCard(in.readString(), in.readString(), in.readString(), readList(in), readList(in));
    }

    private static List<String> readList(ByteArrayDataInput in) throws IOException {
        int size = in.readVInt();
        List<String> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            values.add(in.readString());
        }
        return values;
    }
}

package dev.kotae.index;

import dev.kotae.content.Article;
import dev.kotae.content.ArticleType;
import dev.kotae.content.Visibility;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;

/**
 * An article's metadata (everything but its body and rendered page) as one uncompressed doc value: what
 * a search hit, a listing or a related link shows. Stored fields would decompress a block of several
 * articles to read one.
 */
final class ArticleCard {

    static BytesRef encode(Article article) {
        ByteBuffersDataOutput out = new ByteBuffersDataOutput();
        try {
            out.writeString(article.id());
            out.writeString(article.title());
            out.writeString(article.type().key());
            out.writeString(article.visibility().key());
            out.writeString(article.locale());
            out.writeString(article.category());
            writeList(out, article.tags());
            writeList(out, article.questions());
            out.writeZLong(article.updated().toEpochDay());
            out.writeString(article.source());
            out.writeString(article.translationKey() == null ? "" : article.translationKey());
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return new BytesRef(out.toArrayCopy());
    }

    /** The article of a card, with the body and page given (empty when the caller does not need them). */
    static Article decode(BytesRef card, String html, String text) throws IOException {
        ByteArrayDataInput in = new ByteArrayDataInput(card.bytes, card.offset, card.length);
        String id = in.readString();
        String title = in.readString();
        ArticleType type = ArticleType.parse(in.readString());
        Visibility visibility = Visibility.parse(in.readString());
        String locale = in.readString();
        String category = in.readString();
        List<String> tags = readList(in);
        List<String> questions = readList(in);
        LocalDate updated = LocalDate.ofEpochDay(in.readZLong());
        String source = in.readString();
        String translationKey = in.readString();
        return new Article(id, title, type, visibility, locale, category, tags, questions, updated, source, html, text,
                translationKey);
    }

    static void writeList(ByteBuffersDataOutput out, List<String> values) throws IOException {
        out.writeVInt(values.size());
        for (String value : values) {
            out.writeString(value);
        }
    }

    static List<String> readList(ByteArrayDataInput in) throws IOException {
        int size = in.readVInt();
        List<String> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            values.add(in.readString());
        }
        return values;
    }

    private ArticleCard() {}
}

package dev.kotae.index;

import dev.kotae.content.Article;
import dev.kotae.content.MediaLinks;
import dev.kotae.content.Visibility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.util.BytesRef;

/**
 * Maps an {@link Article} to its Lucene document and back. The single place that knows the schema. Not
 * final only so that tests can make a document Lucene refuses: the article rules leave no field that
 * could hold a term too long, and the index must still cope with one.
 */
public class ArticleDocuments {

    /** Body text: indexed with offsets, so highlighting needs no re-analysis; the text itself is a doc value. */
    private static final FieldType BODY_TYPE = new FieldType(TextField.TYPE_NOT_STORED);

    static {
        BODY_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        BODY_TYPE.freeze();
    }

    private final FacetsConfig facets = new FacetsConfig();
    private final SuggestKeys suggestKeys;
    private final LearnedPhrasings learned;

    /** Documents of the articles alone, without anything learned. */
    public ArticleDocuments(SuggestKeys suggestKeys) {
        this(suggestKeys, LearnedPhrasings.none());
    }

    /** Documents of the articles with what was learned of each ({@link LearnedPhrasings#current}). */
    public ArticleDocuments(SuggestKeys suggestKeys, LearnedPhrasings learned) {
        this.suggestKeys = suggestKeys;
        this.learned = learned;
        facets.setMultiValued("tags", true);
    }

    /** The facet configuration the writer and the facet readers share. */
    public FacetsConfig facetsConfig() {
        return facets;
    }

    /** Builds the document of an article; {@code stamp} marks the version of its source. */
    public Document toDocument(Article article, String stamp) throws IOException {
        Document doc = new Document();
        LanguageFamily family = LanguageFamily.of(article.locale());

        doc.add(new StringField(IndexFields.ID, article.id(), Field.Store.NO));
        doc.add(new SortedDocValuesField(IndexFields.ID, new BytesRef(article.id())));
        doc.add(new SortedDocValuesField(IndexFields.SOURCE, new BytesRef(article.source())));
        doc.add(new BinaryDocValuesField(IndexFields.STAMP, new BytesRef(stamp)));

        doc.add(new StringField(IndexFields.VISIBILITY, article.visibility().key(), Field.Store.NO));
        doc.add(new StringField(IndexFields.TYPE, article.type().key(), Field.Store.NO));
        doc.add(new StringField(IndexFields.LOCALE, article.locale(), Field.Store.NO));
        doc.add(new StringField(IndexFields.CATEGORY, article.category(), Field.Store.NO));
        for (String tag : article.tags()) {
            doc.add(new StringField(IndexFields.TAG, tag, Field.Store.NO));
        }
        if (article.translationKey() != null) {
            doc.add(new StringField(IndexFields.TRANSLATION, article.translationKey(), Field.Store.NO));
        }
        doc.add(new NumericDocValuesField(IndexFields.UPDATED, article.updated().toEpochDay()));
        for (String image : MediaLinks.in(article.html())) {
            doc.add(new StringField(IndexFields.MEDIA, image, Field.Store.NO));
        }
        // Nothing is kept in stored fields: they compress blocks of several documents, and a search hit
        // decompressed a whole block to read one. What hits show, the body for snippets and the rendered
        // page (read only by the article's own page, so deflated) are doc values read one document at a time.
        doc.add(new BinaryDocValuesField(IndexFields.CARD, ArticleCard.encode(article)));
        doc.add(new BinaryDocValuesField(IndexFields.TEXT, new BytesRef(article.text())));
        doc.add(new BinaryDocValuesField(IndexFields.HTML, new BytesRef(deflate(article.html()))));
        doc.add(new NumericDocValuesField(IndexFields.TITLE_LENGTH, article.title().length()));

        doc.add(new TextField(IndexFields.title(family), article.title(), Field.Store.NO));
        for (String question : article.questions()) {
            doc.add(new TextField(IndexFields.questions(family), question, Field.Store.NO));
        }
        String labels = String.join(" ", article.tags()) + " " + article.category();
        doc.add(new TextField(IndexFields.labels(family), labels, Field.Store.NO));
        doc.add(new Field(IndexFields.body(family), article.text(), BODY_TYPE));
        // What customers asked when they found it: only here, never in suggestions or spelling words.
        learned.addFields(doc, article, family);

        if (family == LanguageFamily.JA) {
            doc.add(new TextField(IndexFields.GRAMS_TITLE, article.title(), Field.Store.NO));
            for (String question : article.questions()) {
                doc.add(new TextField(IndexFields.GRAMS_TITLE, question, Field.Store.NO));
            }
            doc.add(new TextField(IndexFields.GRAMS_BODY, article.text(), Field.Store.NO));
        }

        addEmptyScoredFields(doc);

        String words = article.title() + "\n" + String.join("\n", article.questions()) + "\n" + labels + "\n"
                + article.text();
        doc.add(new TextField(IndexFields.spelling(family, false), words, Field.Store.NO));
        if (article.visibility() == Visibility.PUBLIC) {
            doc.add(new TextField(IndexFields.spelling(family, true), words, Field.Store.NO));
        }
        if (family == LanguageFamily.JA) {
            for (String reading : ReadingVocabulary.termsOf(words)) {
                doc.add(new StringField(IndexFields.readings(false), reading, Field.Store.NO));
                if (article.visibility() == Visibility.PUBLIC) {
                    doc.add(new StringField(IndexFields.readings(true), reading, Field.Store.NO));
                }
            }
        }

        List<String> phraseKeys = new ArrayList<>();
        phraseKeys.add(addSuggestKeys(doc, article.title()));
        for (String question : article.questions()) {
            phraseKeys.add(addSuggestKeys(doc, question));
        }
        doc.add(new BinaryDocValuesField(IndexFields.SUGGEST_KEYS, SuggestCard.encodeKeys(phraseKeys)));

        if (!article.category().isEmpty()) {
            doc.add(new SortedSetDocValuesFacetField("category", article.category()));
        }
        for (String tag : article.tags()) {
            doc.add(new SortedSetDocValuesFacetField("tags", tag));
        }
        doc.add(new SortedSetDocValuesFacetField("type", article.type().key()));
        doc.add(new SortedSetDocValuesFacetField("locale", article.locale()));
        return facets.build(doc);
    }

    /**
     * Gives the document an empty value of every scored text field it lacks. An empty value has no terms,
     * so it matches nothing and leaves BM25's statistics alone, but it gives the document a norm: with a
     * norm in every document Lucene reads norms by position, instead of searching a sparse list for each
     * document it scores.
     */
    private static void addEmptyScoredFields(Document doc) {
        for (LanguageFamily family : LanguageFamily.values()) {
            for (String field : List.of(IndexFields.title(family), IndexFields.questions(family),
                    IndexFields.labels(family), IndexFields.learned(family))) {
                addEmptyIfMissing(doc, field, TextField.TYPE_NOT_STORED);
            }
            addEmptyIfMissing(doc, IndexFields.body(family), BODY_TYPE);
        }
        addEmptyIfMissing(doc, IndexFields.GRAMS_TITLE, TextField.TYPE_NOT_STORED);
        addEmptyIfMissing(doc, IndexFields.GRAMS_BODY, TextField.TYPE_NOT_STORED);
    }

    private static void addEmptyIfMissing(Document doc, String field, FieldType type) {
        if (doc.getField(field) == null) {
            doc.add(new Field(field, "", type));
        }
    }

    /** Indexes the phrase's suggestion keys; returns them joined, for its {@link SuggestCard}. */
    private String addSuggestKeys(Document doc, String phrase) {
        SuggestKeys.Keys keys = suggestKeys.keysOf(phrase);
        for (String key : keys.start()) {
            doc.add(new StringField(IndexFields.SUGGEST_START, key, Field.Store.NO));
        }
        for (String key : keys.infix()) {
            doc.add(new StringField(IndexFields.SUGGEST_INFIX, key, Field.Store.NO));
        }
        StringBuilder all = new StringBuilder();
        for (String key : keys.start()) {
            all.append(key).append(IndexFields.SUGGEST_KEY_SEPARATOR);
        }
        for (String key : keys.infix()) {
            all.append(key).append(IndexFields.SUGGEST_KEY_SEPARATOR);
        }
        return all.toString();
    }

    /** The whole article of top-level document {@code doc}, with its body and rendered page: the article page. */
    public static Article read(IndexReader reader, int doc) throws IOException {
        BytesRef html = binaryValue(reader, doc, IndexFields.HTML);
        return new Articles(reader, true).read(doc, html == null ? "" : inflate(html));
    }

    /**
     * The articles of top-level documents {@code docs}, with their bodies but no rendered page: search hits.
     * They are read in document order through one {@link Articles}: a doc-values reader holds a buffer as
     * long as its field's longest value in the segment (the longest body, for the text), so a reader per
     * hit would allocate that buffer per hit. Those {@code kept} holds are not read again.
     */
    static Article[] hits(IndexReader reader, int[] docs, HitArticles kept) throws IOException {
        Article[] articles = new Article[docs.length];
        int[] byDoc = IntStream.range(0, docs.length).boxed()
                .sorted(Comparator.comparingInt(i -> docs[i])).mapToInt(Integer::intValue).toArray();
        Articles reading = new Articles(reader, true);
        for (int i : byDoc) {
            articles[i] = reading.hit(docs[i], kept);
        }
        return articles;
    }

    /** The article of top-level document {@code doc} without body or page: listings and links. */
    public static Article summary(IndexReader reader, int doc) throws IOException {
        return new Articles(reader, false).read(doc, "");
    }

    /** Reads articles from their cards (and bodies) for documents asked in ascending order. */
    private static final class Articles {
        private final List<LeafReaderContext> leaves;
        private final boolean withText;
        private LeafReaderContext leaf;
        private BinaryDocValues cards;
        private BinaryDocValues texts;

        Articles(IndexReader reader, boolean withText) {
            this.leaves = reader.leaves();
            this.withText = withText;
        }

        Article read(int doc, String html) throws IOException {
            return decode(position(doc), html);
        }

        /** The article of {@code doc} as a hit shows it: from {@code kept} when it holds it. */
        Article hit(int doc, HitArticles kept) throws IOException {
            int inLeaf = position(doc);
            return kept.of(leaf.reader(), inLeaf, same -> decode(inLeaf, ""));
        }

        /** Moves to the segment of top-level document {@code doc}; returns its number in that segment. */
        private int position(int doc) throws IOException {
            if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
                leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
                cards = leaf.reader().getBinaryDocValues(IndexFields.CARD);
                texts = withText ? leaf.reader().getBinaryDocValues(IndexFields.TEXT) : null;
            }
            return doc - leaf.docBase;
        }

        /** The article of document {@code inLeaf} of the current segment. */
        private Article decode(int inLeaf, String html) throws IOException {
            String text = texts != null && texts.advanceExact(inLeaf) ? utf8(texts.binaryValue()) : "";
            if (cards == null || !cards.advanceExact(inLeaf)) {
                throw new IOException("document " + (leaf.docBase + inLeaf) + " has no article card: the index is damaged");
            }
            return ArticleCard.decode(cards.binaryValue(), html, text);
        }
    }

    /**
     * The text of UTF-8 bytes, decoded by the JDK: its decoder makes a Latin-1 string of ASCII bytes
     * directly, where {@link BytesRef#utf8ToString} decodes every text to a char array first and then
     * compresses it (each hit's text is decoded for its snippet; docs/benchmarks.md, stop 41).
     */
    private static String utf8(BytesRef bytes) {
        return new String(bytes.bytes, bytes.offset, bytes.length, StandardCharsets.UTF_8);
    }

    /** The binary doc value of {@code field} for top-level document {@code doc}, or {@code null}. */
    static BytesRef binaryValue(IndexReader reader, int doc, String field) throws IOException {
        LeafReaderContext leaf = reader.leaves().get(ReaderUtil.subIndex(doc, reader.leaves()));
        BinaryDocValues values = leaf.reader().getBinaryDocValues(field);
        return values != null && values.advanceExact(doc - leaf.docBase) ? values.binaryValue() : null;
    }

    private static byte[] deflate(String html) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(html.getBytes(StandardCharsets.UTF_8));
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(html.length() / 2 + 16);
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static String inflate(BytesRef bytes) throws IOException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(bytes.bytes, bytes.offset, bytes.length);
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length * 4);
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                // An empty page inflates to nothing and is finished at once: only an unfinished stream is short.
                if (n == 0 && !inflater.finished() && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IOException("the stored page of an article is truncated");
                }
                out.write(buffer, 0, n);
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (DataFormatException e) {
            throw new IOException("the stored page of an article is corrupt", e);
        } finally {
            inflater.end();
        }
    }
}

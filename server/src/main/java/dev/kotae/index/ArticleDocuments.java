package dev.kotae.index;

import dev.kotae.content.Article;
import dev.kotae.content.ArticleType;
import dev.kotae.content.Visibility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
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

/** Maps an {@link Article} to its Lucene document and back. The single place that knows the schema. */
public final class ArticleDocuments {

    /** Stored fields a search hit or article page needs, so nothing else is decompressed. */
    public static final Set<String> STORED_FIELDS = Set.of(
            IndexFields.ID, IndexFields.SOURCE, IndexFields.TITLE, IndexFields.TYPE, IndexFields.VISIBILITY,
            IndexFields.LOCALE, IndexFields.CATEGORY, IndexFields.TAGS, IndexFields.QUESTIONS,
            IndexFields.UPDATED, IndexFields.body(LanguageFamily.JA),
            IndexFields.body(LanguageFamily.EN), IndexFields.body(LanguageFamily.OTHER));

    /** Body text: stored for snippets, with offsets so highlighting needs no re-analysis. */
    private static final FieldType BODY_TYPE = new FieldType(TextField.TYPE_STORED);

    /** The body's indexing without the stored value, for the empty bodies of other languages. */
    private static final FieldType EMPTY_BODY_TYPE = new FieldType(TextField.TYPE_NOT_STORED);

    static {
        BODY_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        BODY_TYPE.freeze();
        EMPTY_BODY_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        EMPTY_BODY_TYPE.freeze();
    }

    private final FacetsConfig facets = new FacetsConfig();
    private final SuggestKeys suggestKeys;

    public ArticleDocuments(SuggestKeys suggestKeys) {
        this.suggestKeys = suggestKeys;
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

        doc.add(new StringField(IndexFields.ID, article.id(), Field.Store.YES));
        doc.add(new SortedDocValuesField(IndexFields.ID, new BytesRef(article.id())));
        doc.add(new StoredField(IndexFields.SOURCE, article.source()));
        doc.add(new SortedDocValuesField(IndexFields.SOURCE, new BytesRef(article.source())));
        doc.add(new BinaryDocValuesField(IndexFields.STAMP, new BytesRef(stamp)));

        doc.add(new StringField(IndexFields.VISIBILITY, article.visibility().key(), Field.Store.YES));
        doc.add(new StringField(IndexFields.TYPE, article.type().key(), Field.Store.YES));
        doc.add(new StringField(IndexFields.LOCALE, article.locale(), Field.Store.YES));
        doc.add(new StringField(IndexFields.CATEGORY, article.category(), Field.Store.YES));
        for (String tag : article.tags()) {
            doc.add(new StringField(IndexFields.TAG, tag, Field.Store.NO));
            doc.add(new StoredField(IndexFields.TAGS, tag));
        }
        doc.add(new StoredField(IndexFields.TITLE, article.title()));
        for (String question : article.questions()) {
            doc.add(new StoredField(IndexFields.QUESTIONS, question));
        }
        doc.add(new StoredField(IndexFields.UPDATED, article.updated().toString()));
        doc.add(new NumericDocValuesField(IndexFields.UPDATED, article.updated().toEpochDay()));
        // The rendered page is read only for an article's own page, so it is kept out of the stored fields,
        // which every search hit and suggestion decompresses: it was half of what they read.
        doc.add(new BinaryDocValuesField(IndexFields.HTML, new BytesRef(deflate(article.html()))));
        doc.add(new NumericDocValuesField(IndexFields.TITLE_LENGTH, article.title().length()));

        doc.add(new TextField(IndexFields.title(family), article.title(), Field.Store.NO));
        for (String question : article.questions()) {
            doc.add(new TextField(IndexFields.questions(family), question, Field.Store.NO));
        }
        String labels = String.join(" ", article.tags()) + " " + article.category();
        doc.add(new TextField(IndexFields.labels(family), labels, Field.Store.NO));
        doc.add(new Field(IndexFields.body(family), article.text(), BODY_TYPE));

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

        List<String> phraseKeys = new ArrayList<>();
        phraseKeys.add(addSuggestKeys(doc, article.title()));
        for (String question : article.questions()) {
            phraseKeys.add(addSuggestKeys(doc, question));
        }
        doc.add(new BinaryDocValuesField(IndexFields.SUGGEST_CARD, new SuggestCard(article.id(),
                article.visibility().key(), article.title(), article.questions(), phraseKeys).encode()));

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
     * document it scores, which cost a tenth of every search.
     */
    private static void addEmptyScoredFields(Document doc) {
        for (LanguageFamily family : LanguageFamily.values()) {
            for (String field : List.of(IndexFields.title(family), IndexFields.questions(family),
                    IndexFields.labels(family))) {
                addEmptyIfMissing(doc, field, TextField.TYPE_NOT_STORED);
            }
            addEmptyIfMissing(doc, IndexFields.body(family), EMPTY_BODY_TYPE);
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

    /** The whole article of document {@code doc}: its stored fields and its rendered HTML. */
    public static Article read(IndexReader reader, int doc) throws IOException {
        Document stored = reader.storedFields().document(doc, STORED_FIELDS);
        LeafReaderContext leaf = reader.leaves().get(ReaderUtil.subIndex(doc, reader.leaves()));
        BinaryDocValues html = leaf.reader().getBinaryDocValues(IndexFields.HTML);
        boolean hasHtml = html != null && html.advanceExact(doc - leaf.docBase);
        return fromDocument(stored, hasHtml ? inflate(html.binaryValue()) : "");
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
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
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

    /**
     * Rebuilds the article from a document's stored fields (see {@link #STORED_FIELDS}), without its
     * rendered HTML (empty; see {@link #read}): what a search hit or a listing needs.
     */
    public static Article fromDocument(Document doc) {
        return fromDocument(doc, "");
    }

    private static Article fromDocument(Document doc, String html) {
        String text = "";
        for (LanguageFamily family : LanguageFamily.values()) {
            String body = doc.get(IndexFields.body(family));
            if (body != null) {
                text = body;
            }
        }
        return new Article(
                doc.get(IndexFields.ID),
                doc.get(IndexFields.TITLE),
                ArticleType.parse(doc.get(IndexFields.TYPE)),
                Visibility.parse(doc.get(IndexFields.VISIBILITY)),
                doc.get(IndexFields.LOCALE),
                doc.get(IndexFields.CATEGORY),
                Arrays.asList(doc.getValues(IndexFields.TAGS)),
                List.of(doc.getValues(IndexFields.QUESTIONS)),
                LocalDate.parse(doc.get(IndexFields.UPDATED)),
                doc.get(IndexFields.SOURCE),
                html,
                text);
    }
}

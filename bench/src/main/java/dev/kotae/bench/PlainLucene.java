package dev.kotae.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;

/**
 * The yardstick: the same articles in a bare Lucene index (title, questions and body in one text field
 * per language, stock {@code JapaneseAnalyzer} or {@code EnglishAnalyzer}), searched with one optional
 * term clause per query word, top 10, id and title loaded. No filters, facets, snippets or HTTP: what
 * is left of Kotae's time on top of this is Kotae's overhead.
 */
final class PlainLucene implements AutoCloseable {

    private static final String ID = "id";
    private static final String TITLE = "title";

    private final Analyzer analyzer = new PerFieldAnalyzerWrapper(new StandardAnalyzer(),
            Map.of("text_ja", new JapaneseAnalyzer(), "text_en", new EnglishAnalyzer()));
    private final FSDirectory directory;
    private IndexWriter writer;
    private DirectoryReader reader;
    private IndexSearcher searcher;

    PlainLucene(Path path) throws IOException {
        directory = FSDirectory.open(path);
        writer = new IndexWriter(directory, new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE));
    }

    void add(SyntheticHelpCenter.Article article) {
        Document doc = new Document();
        doc.add(new StringField(ID, article.id(), Field.Store.YES));
        doc.add(new StoredField(TITLE, article.title()));
        String text = article.title() + "\n" + String.join("\n", article.questions()) + "\n" + article.body();
        doc.add(new TextField("text_" + article.locale(), text, Field.Store.NO));
        try {
            writer.addDocument(doc);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Ends indexing and opens the searcher. */
    void open() throws IOException {
        writer.close();
        writer = null;
        reader = DirectoryReader.open(directory);
        searcher = new IndexSearcher(reader);
    }

    /** The ids and titles of the top 10, as "id title" strings. */
    List<String> search(String text, String locale) throws IOException {
        String field = "text_" + locale;
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        try (TokenStream tokens = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                query.add(new TermQuery(new Term(field, term.toString())), BooleanClause.Occur.SHOULD);
            }
            tokens.end();
        }
        List<String> hits = new ArrayList<>(10);
        StoredFields stored = searcher.storedFields();
        for (ScoreDoc hit : searcher.search(query.build(), 10).scoreDocs) {
            Document doc = stored.document(hit.doc);
            hits.add(doc.get(ID) + " " + doc.get(TITLE));
        }
        return hits;
    }

    @Override
    public void close() throws IOException {
        if (writer != null) {
            writer.close();
        }
        if (reader != null) {
            reader.close();
        }
        directory.close();
        analyzer.close();
    }
}

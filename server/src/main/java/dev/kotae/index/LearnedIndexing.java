package dev.kotae.index;

import dev.kotae.content.Article;
import dev.kotae.learning.Learned;
import dev.kotae.learning.LearnedSink;
import java.io.IOException;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a new {@link Learned} goes: the index. Publishing one is a single change of the index (so it runs on
 * the writer thread after the changes asked before it, and searches see it whole): it puts the new one in
 * use ({@link LearnedPhrasings}) and writes again the documents of the articles whose phrasings changed,
 * from what the index holds of each (its card, text and page; the source's stamp is kept, so the content
 * sync does not read the file again). Articles not in the index are left out; their phrasings are indexed
 * when they are. It returns once the new version is published: searches then rank with it, and the result
 * cache, kept per index version, has no result of the one before. A {@link Learned} older than the one in
 * use is ignored.
 *
 * <p>The first one published after opening is compared with what the index holds, not with nothing: the
 * documents kept what was learned before a restart, and an article that has learned nothing since must
 * lose it.
 */
public final class LearnedIndexing implements LearnedSink {

    private static final Logger LOG = LoggerFactory.getLogger(LearnedIndexing.class);

    private final ArticleIndex index;
    private final LearnedPhrasings phrasings;
    private final AtomicLong articlesWritten = new AtomicLong();
    /** Whether a publish has compared the index's documents with what is in use; writer thread only. */
    private boolean reconciled;

    /** @param phrasings those the index's {@link ArticleDocuments} were made with */
    public LearnedIndexing(ArticleIndex index, LearnedPhrasings phrasings) {
        this.index = index;
        this.phrasings = phrasings;
    }

    @Override
    public void publish(Learned learned) throws IOException {
        Objects.requireNonNull(learned, "learned");
        index.change(changes -> {
            if (learned.version() < phrasings.current().version()) {
                LOG.info("Ignored learned version {}: version {} is in use", learned.version(),
                        phrasings.current().version());
                return null;
            }
            Set<String> changed = new TreeSet<>(phrasings.changedBy(learned));
            phrasings.use(learned);
            IndexView view = index.acquire();
            int written = 0;
            try {
                if (!reconciled) {
                    changed.addAll(withLearned(view));
                    reconciled = true;
                }
                for (String id : changed) {
                    written += writeAgain(view, changes, id) ? 1 : 0;
                }
            } finally {
                index.release(view);
            }
            articlesWritten.addAndGet(written);
            LOG.info("Learned version {} in use: {} articles indexed again", learned.version(), written);
            return null;
        });
    }

    /** How many article documents publishing wrote again since start. */
    public long articlesWritten() {
        return articlesWritten.get();
    }

    /** The articles whose documents hold something learned (all of it is in the click prior). */
    private static Set<String> withLearned(IndexView view) throws IOException {
        BooleanQuery.Builder anyPrior = new BooleanQuery.Builder();
        for (LanguageFamily family : LanguageFamily.values()) {
            anyPrior.add(new TermRangeQuery(IndexFields.prior(family), null, null, true, true),
                    BooleanClause.Occur.SHOULD);
        }
        Set<String> ids = new TreeSet<>();
        TopDocs found = view.search(anyPrior.build(), Math.max(1, view.getIndexReader().maxDoc()));
        for (ScoreDoc hit : found.scoreDocs) {
            ids.add(ArticleDocuments.summary(view.getIndexReader(), hit.doc).id());
        }
        return ids;
    }

    /** Writes the article's document again from {@code view}; false if it is not indexed or was refused. */
    private boolean writeAgain(IndexView view, ArticleIndex.Changes changes, String id) throws IOException {
        TopDocs found = view.search(new TermQuery(new Term(IndexFields.ID, id)), 1);
        if (found.scoreDocs.length == 0) {
            return false;
        }
        int doc = found.scoreDocs[0].doc;
        Article article = ArticleDocuments.read(view.getIndexReader(), doc);
        phrasings.learnedFor(article);
        BytesRef stamp = ArticleDocuments.binaryValue(view.getIndexReader(), doc, IndexFields.STAMP);
        try {
            changes.upsert(article, stamp == null ? "" : stamp.utf8ToString());
            return true;
        } catch (RuntimeException e) {
            // One document the writer refuses keeps its old one; the others go on.
            LOG.warn("Indexing what was learned of article {} failed; it keeps what it had", id, e);
            return false;
        }
    }
}

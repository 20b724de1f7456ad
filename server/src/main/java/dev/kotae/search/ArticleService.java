package dev.kotae.search;

import dev.kotae.content.Article;
import dev.kotae.index.Analysis;
import dev.kotae.index.ArticleDocuments;
import dev.kotae.index.ArticleIndex;
import dev.kotae.index.IndexFields;
import dev.kotae.index.IndexView;
import dev.kotae.index.LanguageFamily;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * Reads one article for a caller, with its related articles. An article the caller may not see is
 * reported as absent, exactly like one that does not exist, so its existence is not revealed.
 */
public final class ArticleService {

    static final int RELATED = 5;
    /** More translations of one article than any help center has locales. */
    private static final int MAX_TRANSLATIONS = 50;

    /** A related article, as linked from an article page. */
    public record Related(String id, String title, String url) {}

    /**
     * An article as listed in a sitemap: where it is, when it last changed, and the key it shares with its
     * translations ({@code null} if none).
     */
    public record Listed(String id, String locale, String url, LocalDate updated, String translationKey) {}

    /** The same article in another locale: for the language switch and {@code hreflang} alternates. */
    public record Translation(String locale, String id, String title, String url) {}

    /** An article with the related articles and the translations the same caller may see. */
    public record ArticleView(Article article, List<Related> related, List<Translation> translations) {}

    private final ArticleIndex index;
    private final Analysis analysis;

    public ArticleService(ArticleIndex index, Analysis analysis) {
        this.index = index;
        this.analysis = analysis;
    }

    /** The article with its related articles, if it exists and the audience may read it. */
    public Optional<ArticleView> find(String id, Audience audience) throws IOException {
        IndexView view = index.acquire();
        try {
            Optional<Article> article = lookup(view, id, audience);
            if (article.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new ArticleView(article.get(), related(view, article.get(), audience),
                    translations(view, article.get(), audience)));
        } finally {
            index.release(view);
        }
    }

    /** The article alone, if it exists and the audience may read it. */
    public Optional<Article> article(String id, Audience audience) throws IOException {
        IndexView view = index.acquire();
        try {
            return lookup(view, id, audience);
        } finally {
            index.release(view);
        }
    }

    /**
     * Whether an article the audience may read shows (or links to) the uploaded image {@code name}
     * ({@link dev.kotae.content.MediaLinks}): an image only internal articles show is theirs alone, and one
     * no article shows yet (uploaded for a draft) is the editors'.
     */
    public boolean showsImage(String name, Audience audience) throws IOException {
        Query shown = audience.restrict(new TermQuery(new Term(IndexFields.MEDIA, name)));
        IndexView view = index.acquire();
        try {
            return view.count(shown) > 0;
        } finally {
            index.release(view);
        }
    }

    /**
     * Up to {@code max} articles the audience may see, in index order, reading only the fields a listing
     * needs (a sitemap of 100,000 articles must not load 100,000 article bodies).
     */
    public List<Listed> listing(Audience audience, int max) throws IOException {
        Query visibility = audience.filter();
        Query query = visibility == null ? new MatchAllDocsQuery() : visibility;
        IndexView view = index.acquire();
        try {
            List<Listed> listed = new ArrayList<>();
            for (ScoreDoc hit : view.search(query, Math.max(1, max)).scoreDocs) {
                Article article = ArticleDocuments.summary(view.getIndexReader(), hit.doc);
                listed.add(new Listed(article.id(), article.locale(), article.url(), article.updated(),
                        article.translationKey()));
            }
            return listed;
        } finally {
            index.release(view);
        }
    }

    private static Optional<Article> lookup(IndexView view, String id, Audience audience) throws IOException {
        if (id == null || !Article.ID_PATTERN.matcher(id).matches()) {
            return Optional.empty();
        }
        // The audience filters the lookup itself: an article it may not read is never read either, so that
        // one answers as fast as an id no article has (reading it first told internal ids apart by timing).
        TopDocs top = view.search(audience.restrict(new TermQuery(new Term(IndexFields.ID, id))), 1);
        if (top.scoreDocs.length == 0) {
            return Optional.empty();
        }
        Article article = ArticleDocuments.read(view.getIndexReader(), top.scoreDocs[0].doc);
        return audience.mayRead(article.visibility()) ? Optional.of(article) : Optional.empty();
    }

    /**
     * The other articles sharing this one's translation key that the audience may see, one per locale
     * (the first in index order when two claim the same locale), in locale order.
     */
    private static List<Translation> translations(IndexView view, Article article, Audience audience)
            throws IOException {
        if (article.translationKey() == null) {
            return List.of();
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(IndexFields.TRANSLATION, article.translationKey())), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(IndexFields.LOCALE, article.locale())), BooleanClause.Occur.MUST_NOT);
        Query visibility = audience.filter();
        if (visibility != null) {
            query.add(visibility, BooleanClause.Occur.FILTER);
        }
        java.util.TreeMap<String, Translation> byLocale = new java.util.TreeMap<>();
        for (ScoreDoc hit : view.search(query.build(), MAX_TRANSLATIONS).scoreDocs) {
            Article other = ArticleDocuments.summary(view.getIndexReader(), hit.doc);
            byLocale.putIfAbsent(other.locale(), new Translation(other.locale(), other.id(), other.title(), other.url()));
        }
        return List.copyOf(byLocale.values());
    }

    /** Articles in the same locale sharing tags, category and vocabulary, visible to the same caller. */
    private List<Related> related(IndexView view, Article article, Audience audience) throws IOException {
        LanguageFamily family = LanguageFamily.of(article.locale());
        MoreLikeThis like = new MoreLikeThis(view.getIndexReader());
        like.setAnalyzer(analysis.text(family));
        like.setMinTermFreq(1);
        like.setMinDocFreq(1);
        like.setMaxQueryTerms(20);
        String heading = article.title() + "\n" + String.join("\n", article.questions());

        BooleanQuery.Builder similar = new BooleanQuery.Builder();
        similar.add(new BoostQuery(like.like(IndexFields.title(family), new StringReader(heading)), 2f),
                BooleanClause.Occur.SHOULD);
        similar.add(like.like(IndexFields.body(family), new StringReader(article.text())), BooleanClause.Occur.SHOULD);
        for (String tag : article.tags()) {
            similar.add(new BoostQuery(new TermQuery(new Term(IndexFields.TAG, tag)), 2f), BooleanClause.Occur.SHOULD);
        }
        if (!article.category().isEmpty()) {
            similar.add(new TermQuery(new Term(IndexFields.CATEGORY, article.category())), BooleanClause.Occur.SHOULD);
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder()
                .add(similar.build(), BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term(IndexFields.LOCALE, article.locale())), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(IndexFields.ID, article.id())), BooleanClause.Occur.MUST_NOT);
        Query visibility = audience.filter();
        if (visibility != null) {
            query.add(visibility, BooleanClause.Occur.FILTER);
        }
        List<Related> related = new ArrayList<>();
        for (ScoreDoc hit : view.search(query.build(), RELATED).scoreDocs) {
            Article linked = ArticleDocuments.summary(view.getIndexReader(), hit.doc);
            related.add(new Related(linked.id(), linked.title(), linked.url()));
        }
        return related;
    }
}

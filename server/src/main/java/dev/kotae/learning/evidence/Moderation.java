package dev.kotae.learning.evidence;

import dev.kotae.analytics.QuerySpelling;
import dev.kotae.analytics.QueryText;
import dev.kotae.auth.Caller;
import dev.kotae.content.Article;
import dev.kotae.content.ArticleRules;
import dev.kotae.content.FrontMatter;
import dev.kotae.editing.Draft;
import dev.kotae.editing.EditConflictException;
import dev.kotae.editing.EditNotAllowedException;
import dev.kotae.editing.EditRejectedException;
import dev.kotae.editing.EditableArticle;
import dev.kotae.editing.EditorService;
import dev.kotae.editing.PublishedArticle;
import dev.kotae.learning.Decision;
import dev.kotae.learning.Evidence;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Agents' decisions about what was learned, as the admin API and the admin page take them. Approve, reject
 * and route are recorded for the next learning cycle; {@link Decision#ALWAYS always} first writes the
 * phrasing into the article's {@code questions:} through the editor, as any edit is written (the file, its
 * history, the audit log, then the content watcher re-indexes it, so suggestions offer it), and from then on
 * it is a question of the article, no longer a learned phrasing. Where the editor requires review
 * ({@code editor.reviewRequired}) the question goes into a draft sent for review instead, and the phrasing
 * is recorded as approved meanwhile, so ranking keeps it until the draft is published.
 */
public final class Moderation {

    /** How "always" went: the question was published, is waiting in a draft for review, or was there already. */
    public enum Written { PUBLISHED, REVIEW_REQUESTED, ALREADY_A_QUESTION }

    /**
     * The outcome of a decision.
     *
     * @param phrasing the pair as reviewed now
     * @param written for {@link Decision#ALWAYS}, what happened to the article; otherwise {@code null}
     * @param version the article's version (published) or draft revision (review) after writing; or {@code null}
     */
    public record Outcome(LearningService.PhrasingRow phrasing, Written written, String version) {}

    /** "Always" cannot be written into this article (a plugin source's, or one with a draft pending). */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    private final LearningService learning;
    private final EditorService editor;
    private final boolean reviewRequired;

    public Moderation(LearningService learning, EditorService editor, boolean reviewRequired) {
        this.learning = learning;
        this.editor = editor;
        this.reviewRequired = reviewRequired;
    }

    /**
     * The key a query typed by an agent (or copied from the reports) is kept under: the grouping analytics
     * stores queries under, so it finds the visitors' evidence for the same query.
     */
    public static Evidence.Key key(String query, String articleId, Evidence.Scope scope) {
        return new Evidence.Key(group(query), articleId, scope);
    }

    /** The query group {@code query} (as typed, or as the reports list it) falls in: masked, then folded. */
    public static String group(String query) {
        return QuerySpelling.of(QueryText.masked(query.strip())).group();
    }

    /**
     * Why {@code query} cannot be a phrasing an agent decides on, or {@code null} when it can: what keeps it
     * out of an article's front matter ({@link FrontMatter#problemWith}: a line break, a control character),
     * or nothing visible in it at all (only spaces, zero-width or direction marks). Visitors' searches of
     * such a query teach nothing ({@link EvidenceIngestion}), so no phrasing is listed that no agent could
     * approve, reject or write into an article.
     */
    public static String problemWith(String query) {
        String problem = FrontMatter.problemWith(query);
        if (problem != null) {
            return problem;
        }
        return ArticleRules.hasVisibleCharacter(query) ? null : "must contain a letter, digit or sign";
    }

    /** {@link #problemWith(String)} of a query as grouped, else as written ({@code null} if none was). */
    public static String problemWith(String group, String written) {
        String problem = problemWith(group);
        return problem != null || written == null ? problem : problemWith(written);
    }

    /** The query as stored with its decision when no visitor's spelling is known: masked like analytics. */
    public static String written(String query) {
        return QueryText.masked(query.strip());
    }

    /**
     * Records {@code caller}'s decision about a pair; for {@link Decision#ALWAYS} writes the question first,
     * and records nothing if that fails.
     *
     * @throws IllegalArgumentException when there is no such article, the scope is not the article's audience,
     *     or the query group or written form is not one an agent can decide on ({@link #problemWith})
     * @throws Refused when the question cannot be written into the article here
     */
    public Outcome decide(Caller caller, Evidence.Key key, String written, Decision decision)
            throws SQLException, IOException, Refused, EditConflictException, EditNotAllowedException,
            EditRejectedException {
        String problem = problemWith(key.queryGroup(), written);
        if (problem != null) {
            throw new IllegalArgumentException("the query " + problem);
        }
        if (decision != Decision.ALWAYS) {
            return new Outcome(learning.decide(key, written, decision, caller.name()), null, null);
        }
        Evidence evidence = learning.evidence(key, written);
        String question = evidence.written().strip();
        PublishedArticle published = editor.published(caller, key.articleId())
                .orElseThrow(() -> new IllegalArgumentException("there is no published article " + key.articleId()));
        if (published.readOnly() != null) {
            throw new Refused("article " + key.articleId() + " comes from a plugin source and cannot be edited here: "
                    + published.readOnly());
        }
        EditableArticle article = published.article();
        if (isQuestionOf(question, article)) {
            return new Outcome(learning.decide(key, written, Decision.ALWAYS, caller.name()),
                    Written.ALREADY_A_QUESTION, published.version());
        }
        if (article.questions().size() >= Article.MAX_QUESTIONS) {
            throw new Refused("article " + key.articleId() + " has " + Article.MAX_QUESTIONS + " questions, the most an"
                    + " article may have: remove one in the editor first, or approve the phrasing instead");
        }
        List<String> questions = new ArrayList<>(article.questions());
        questions.add(question);
        EditableArticle withQuestion = article.withQuestions(questions);
        if (reviewRequired) {
            if (editor.draft(caller, key.articleId()).isPresent()) {
                throw new Refused("article " + key.articleId() + " has a draft pending: add the question \"" + question
                        + "\" to it in the editor, or publish or discard it first");
            }
            Draft draft = editor.saveDraft(caller, withQuestion, null, published.version(), null);
            Draft inReview = editor.requestReview(caller, key.articleId(), draft.revision());
            // Not a question of the article until a reviewer publishes it: ranking keeps it as approved meanwhile.
            return new Outcome(learning.decide(key, written, Decision.APPROVED, caller.name()),
                    Written.REVIEW_REQUESTED, inReview.revision());
        }
        PublishedArticle now = editor.publishDirectly(caller, withQuestion, published.version(),
                "Learned question approved by " + caller.name());
        return new Outcome(learning.decide(key, written, Decision.ALWAYS, caller.name()), Written.PUBLISHED,
                now.version());
    }

    /** Whether the article asks it already (case and spacing aside). */
    private static boolean isQuestionOf(String question, EditableArticle article) {
        String wanted = QueryText.normalized(question);
        return article.questions().stream().anyMatch(q -> QueryText.normalized(q).equals(wanted))
                || (article.title() != null && QueryText.normalized(article.title()).equals(wanted));
    }

    /** The name of a {@link Written} in the API and on the page. */
    public static String name(Written written) {
        return written == null ? null : written.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

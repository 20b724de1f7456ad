package dev.kotae.learning;

import java.util.List;
import java.util.Map;

/**
 * What ranking uses of what was learned, immutable: per article, the phrasings customers found it with.
 * Each article's phrasings come from one scope of searches only (its own audience's, {@link Evidence#scope}).
 *
 * @param version increases whenever what ranking uses changes, so results kept for an older one are not served
 */
public record Learned(long version, Map<String, List<Phrasing>> byArticle) {

    /** Nothing learned yet. */
    public static final Learned NONE = new Learned(0, Map.of());

    public Learned {
        byArticle = Map.copyOf(byArticle);
    }

    /**
     * A way customers asked for an article.
     *
     * @param text the query as customers most often wrote it
     * @param strength how strongly the evidence ties it to the article, in (0, 1]
     * @param asQuestion whether it is used as a learned question of the article (approved by an agent, or
     *     confident enough when learning is automatic); the others only add their words' association
     */
    public record Phrasing(String text, double strength, boolean asQuestion) {}

    /** The phrasings learned for {@code articleId}, none if nothing was. */
    public List<Phrasing> of(String articleId) {
        return byArticle.getOrDefault(articleId, List.of());
    }
}

package dev.kotae.widget.answerbot;

import dev.kotae.plugin.HelpCenter.ArticleView;
import dev.kotae.plugin.HelpCenter.Hit;
import dev.kotae.widget.answerbot.NearDuplicates.Fingerprint;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The answers a search offers: its hits with the {@linkplain NearDuplicates near-duplicates} of one
 * question from several sources folded into one candidate, so that the confidence rule compares
 * different answers, not copies of one.
 */
final class Candidates {

    /** {@link #source} of the help center's own (Markdown) articles. */
    static final String HELP_CENTER_SOURCE = "help-center";

    private Candidates() {}

    /**
     * Where an article comes from: {@value #HELP_CENTER_SOURCE} for the help center's own files, otherwise
     * the id of the plugin source that delivered it ({@code zendesk}, {@code csv}).
     */
    static String source(ArticleView view) {
        return view.sourceId().orElse(HELP_CENTER_SOURCE);
    }

    /**
     * Folds {@code hits} (best first) into candidates, best first. Each hit joins the first candidate
     * that has no copy from its source yet and whose best copy is its near-duplicate; otherwise it starts a
     * candidate of its own. Comparing with the best copy only keeps the result independent of chains
     * (A like B, B like C, A unlike C). A hit whose article {@code lookup} no longer finds (content reloaded
     * meanwhile) stays a candidate of its own that cannot be answered from.
     *
     * @param lookup the public article behind a hit's id
     */
    static List<Candidate> of(List<Hit> hits, Function<String, Optional<ArticleView>> lookup) {
        List<Candidate> candidates = new ArrayList<>();
        for (Hit hit : hits) {
            Optional<ArticleView> view = lookup.apply(hit.id());
            Copy copy = new Copy(hit, view.orElse(null), view.map(Fingerprint::of).orElse(null));
            Candidate joined = copy.fingerprint() == null ? null : candidates.stream()
                    .filter(c -> c.accepts(copy))
                    .findFirst().orElse(null);
            if (joined == null) {
                candidates.add(new Candidate(new ArrayList<>(List.of(copy))));
            } else {
                joined.copies().add(copy);
            }
        }
        return candidates.stream().map(c -> new Candidate(List.copyOf(c.copies()))).toList();
    }

    /**
     * One hit with its article.
     *
     * @param view the article, or {@code null} when it vanished after the search
     * @param fingerprint what {@link NearDuplicates} compares, or {@code null} without an article
     */
    record Copy(Hit hit, ArticleView view, Fingerprint fingerprint) {}

    /**
     * One answer, found in one or more sources.
     *
     * @param copies its hits, best first; never empty
     */
    record Candidate(List<Copy> copies) {

        /**
         * The copy to answer from: the help center's own article (its Markdown files are what its authors
         * keep up to date) before an import, then the most recently updated, then the best-scored.
         */
        static final Comparator<Copy> PREFERENCE = Comparator
                .comparing((Copy c) -> !source(c.view()).equals(HELP_CENTER_SOURCE))
                .thenComparing(c -> c.view().updated(), Comparator.nullsLast(Comparator.<LocalDate>reverseOrder()));

        /** The best score among its copies: what the confidence rule weighs. */
        double score() {
            return copies.get(0).hit().score();
        }

        /** The copy to answer from ({@link #PREFERENCE}), or empty when every copy's article vanished. */
        Optional<Copy> preferred() {
            // A stable sort: between equals, the earlier (better-scored) copy stays first.
            return copies.stream().filter(c -> c.view() != null).sorted(PREFERENCE).findFirst();
        }

        /** Whether {@code copy} is another source's copy of this candidate's best copy. */
        private boolean accepts(Copy copy) {
            Copy best = copies.get(0);
            if (best.fingerprint() == null) {
                return false;
            }
            boolean sourceTaken = copies.stream()
                    .anyMatch(c -> c.fingerprint() != null && c.fingerprint().source().equals(copy.fingerprint().source()));
            return !sourceTaken && NearDuplicates.nearDuplicates(best.fingerprint(), copy.fingerprint());
        }
    }
}

package dev.kotae.kept;

/** What one index keeps for its searches, over all its versions and segments: one of each kind. */
public record Keeps(FilterMatches filterMatches, TermLookups termLookups, TermMatches termMatches,
        WordScores wordScores, QueryMatches queryMatches) {

    /** Empty, within the bounds each kind documents. */
    public Keeps() {
        this(new FilterMatches(), new TermLookups(), new TermMatches(), new WordScores(), new QueryMatches());
    }
}

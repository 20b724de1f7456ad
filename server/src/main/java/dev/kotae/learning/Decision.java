package dev.kotae.learning;

/** What an agent decided about a learned phrasing (or a query that never found a good answer). */
public enum Decision {
    /** Used for ranking, whatever the evidence says. */
    APPROVED,
    /** Never used, whatever the evidence says. */
    REJECTED,
    /** Written into the article's {@code questions:} through the normal content path; no longer a learned phrasing. */
    ALWAYS,
    /** An agent said this query should go to this article (it never found a good answer by itself). */
    ROUTED
}

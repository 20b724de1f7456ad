package dev.kotae.search;

import dev.kotae.auth.Caller;
import dev.kotae.content.Visibility;
import dev.kotae.index.IndexFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Who is asking, as far as content is concerned. Every query the server runs on behalf of a caller
 * goes through {@link #filter()}, so internal articles cannot reach the public by any path.
 */
public enum Audience {
    /** Anonymous customers: public articles only. */
    PUBLIC,
    /** Signed-in agents and admins: public and internal articles. */
    AGENTS;

    /** Which articles {@code caller} may see: anonymous callers the public ones, anyone with a role all. */
    public static Audience of(Caller caller) {
        return caller.role() == null ? PUBLIC : AGENTS;
    }

    /** A filter clause restricting a query to what this audience may see, or {@code null} for no limit. */
    public Query filter() {
        return this == PUBLIC ? new TermQuery(new Term(IndexFields.VISIBILITY, Visibility.PUBLIC.key())) : null;
    }

    /** {@code query} restricted to what this audience may see. */
    public Query restrict(Query query) {
        Query visibility = filter();
        return visibility == null ? query : new BooleanQuery.Builder().add(query, BooleanClause.Occur.FILTER)
                .add(visibility, BooleanClause.Occur.FILTER).build();
    }

    public boolean mayRead(Visibility visibility) {
        return this == AGENTS || visibility == Visibility.PUBLIC;
    }
}

/**
 * What searches keep of what they read from an index state, for the next searches: one policy for all
 * of it. Each value belongs to a Lucene reader, either an index version (its top-level reader) or a
 * segment's core, and is dropped when Lucene closes that reader ({@link Kept}); data that is per
 * segment is kept per segment core, so an edit only reads the new segment again. Every kind is bounded
 * by Caffeine (by an estimate of its heap, or by a count), which keeps what is asked for most when
 * one-off keys stream through. The one exception is what unscored Lucene queries match
 * ({@link dev.kotae.kept.QueryMatches}): Lucene's own query cache does that, per segment core and
 * dropped on the same closed listener, bounded by its own least-recently-used policy. Nothing here
 * knows articles or requests: callers give the keys. What
 * is kept per index lives in {@link dev.kotae.kept.Keeps}; what a search service derives from it (whole
 * results, facet counts) is kept by the service, in {@link Kept}s of its own types.
 */
package dev.kotae.kept;

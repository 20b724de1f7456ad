/**
 * Answering callers from the index: search with snippets, facets and spelling correction, as-you-type
 * suggestions, article lookup with related articles, categories. Every query is restricted by the
 * caller's {@link dev.kotae.search.Audience}. The API and the pages search through
 * {@link dev.kotae.search.TrackedSearch}, which times each search and announces it to event listeners.
 */
package dev.kotae.search;

/**
 * Answering callers from the index: search with snippets, facets and spelling correction, as-you-type
 * suggestions, article lookup with related articles, categories. Every query is restricted by the
 * caller's {@link dev.kotae.search.Audience}.
 */
package dev.kotae.search;

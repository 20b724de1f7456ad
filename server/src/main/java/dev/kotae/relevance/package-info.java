/**
 * Measuring relevance: FAQ retrieval benchmarks loaded as articles through the normal content and
 * indexing pipeline, queried through the normal search and suggest code, scored next to a plain Lucene
 * BM25 baseline ({@code kotae eval}).
 */
package dev.kotae.relevance;

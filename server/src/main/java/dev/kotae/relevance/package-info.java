/**
 * Measuring relevance: FAQ retrieval benchmarks loaded as articles through the normal content and
 * indexing pipeline, queried through the normal search and suggest code, scored next to a plain Lucene
 * BM25 baseline; and the Japanese typing set (kana, half-width, romaji queries written for the sample
 * help center), scored on whatever search runs it ({@code kotae eval}, and over HTTP in the tests).
 */
package dev.kotae.relevance;

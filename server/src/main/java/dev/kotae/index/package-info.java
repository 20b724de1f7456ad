/**
 * The Lucene index: analysis chains per language, the document schema, suggestion keys, the
 * persistent index with near-real-time searchers, and the sync that keeps it in step with the content
 * folder (its only writer).
 */
package dev.kotae.index;

/**
 * The Lucene index: analysis chains per language, the document schema, suggestion keys, the
 * persistent index with near-real-time searchers and its one writer thread, through which every change
 * goes (see {@link dev.kotae.index.ArticleIndex#change}), and the sync that keeps it in step with the
 * content folder.
 */
package dev.kotae.index;

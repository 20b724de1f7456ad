/**
 * The help center learning from its customers: from recorded searches and what followed them in the same
 * visitor session (a result clicked at its rank, a helpful vote, a widget's "solved", a quick return to
 * search), {@link dev.kotae.learning.Evidence} per normalised query and article; from the evidence and the
 * agents' decisions, what ranking uses ({@link dev.kotae.learning.Learned}): per article, the phrasings
 * customers found it with. Internal articles learn only from signed-in agents' searches, public articles
 * only from anonymous ones, so nothing learned from agents reaches an anonymous caller.
 *
 * <p>This package is the model only and depends on no other part of the server, so the index (which
 * indexes what was learned) and the evidence side (which reads analytics) can both use it without a cycle.
 */
package dev.kotae.learning;

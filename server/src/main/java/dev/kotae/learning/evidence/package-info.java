/**
 * The evidence side of learning: recorded events read into per-session choices
 * ({@link dev.kotae.learning.evidence.EvidenceIngestion}), summed into decayed
 * {@link dev.kotae.learning.Evidence} with the agents' decisions ({@link dev.kotae.learning.evidence.EvidenceStore}),
 * and the loop that builds and publishes what ranking uses ({@link dev.kotae.learning.evidence.LearningService}).
 * Reads the analytics database; the model in {@code dev.kotae.learning} depends on none of this.
 */
package dev.kotae.learning.evidence;

package dev.kotae.learning;

/** Whether what was learned is used as soon as the evidence is strong enough, or only once an agent approved it. */
public enum LearningMode {
    /** Phrasings above the confidence threshold are used without waiting for an agent. */
    AUTOMATIC,
    /** Only phrasings an agent approved (or routed, or wrote into the article) are used. */
    APPROVED_ONLY
}

package dev.kotae.editing;

/** Where a draft is on its way to being published. */
public enum DraftState {
    /** Being written; only its authors and agents see it. */
    DRAFT,
    /** Its author asked for review: another editor (or an admin) may publish it. */
    IN_REVIEW
}

package dev.kotae.cyclefixtureb;

import dev.kotae.cyclefixturea.Ask;

/** The other half of the deliberate package cycle of {@link Ask}. */
public final class Answer {

    public Ask followUp() {
        return new Ask();
    }
}

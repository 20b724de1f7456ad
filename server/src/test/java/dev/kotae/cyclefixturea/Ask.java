package dev.kotae.cyclefixturea;

import dev.kotae.cyclefixtureb.Answer;

/** Half of a deliberate package cycle: {@code ArchitectureTest} shows its rule refuses it. */
public final class Ask {

    public Answer answer() {
        return new Answer();
    }
}

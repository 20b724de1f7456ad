package dev.kotae.learning;

import java.io.IOException;

/** Where a new {@link Learned} goes once it is built: the index, which ranking with it depends on. */
public interface LearnedSink {

    /**
     * Makes searches rank with {@code learned} from now on; returns once they do. Only articles whose
     * phrasings changed since the last one are indexed again.
     */
    void publish(Learned learned) throws IOException;
}

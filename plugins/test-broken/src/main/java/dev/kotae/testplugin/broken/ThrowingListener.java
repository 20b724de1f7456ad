package dev.kotae.testplugin.broken;

import dev.kotae.plugin.EventListener;
import dev.kotae.plugin.KotaeEvent;
import org.pf4j.Extension;

/** Throws on every event: delivery to others, and searching, must not notice. */
@Extension
public class ThrowingListener implements EventListener {

    @Override
    public void onEvent(KotaeEvent event) {
        throw new IllegalStateException("throwing listener: broken on purpose");
    }
}

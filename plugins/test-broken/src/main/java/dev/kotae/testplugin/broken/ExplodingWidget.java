package dev.kotae.testplugin.broken;

import dev.kotae.plugin.PluginContext;
import dev.kotae.plugin.Widget;
import org.pf4j.Extension;

/** Refuses to start. */
@Extension
public class ExplodingWidget implements Widget {

    @Override
    public void start(PluginContext context) {
        throw new IllegalStateException("exploding widget: broken on purpose");
    }
}

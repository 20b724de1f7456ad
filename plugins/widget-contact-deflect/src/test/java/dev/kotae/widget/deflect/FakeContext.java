package dev.kotae.widget.deflect;

import dev.kotae.plugin.HelpCenter;
import dev.kotae.plugin.KotaeEvent;
import dev.kotae.plugin.PluginContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A plugin context over a fake help center that collects recorded events. */
final class FakeContext implements PluginContext {

    final FakeHelpCenter helpCenter = new FakeHelpCenter();
    final List<KotaeEvent> events = new CopyOnWriteArrayList<>();
    private final Map<String, Object> settings;

    FakeContext(Map<String, Object> settings) {
        this.settings = settings;
    }

    @Override
    public String pluginId() {
        return "widget-contact-deflect";
    }

    @Override
    public Map<String, Object> settings() {
        return settings;
    }

    @Override
    public Path resolvePath(String path) {
        return Path.of(path);
    }

    @Override
    public Path dataFolder() {
        throw new UnsupportedOperationException("the widget keeps no state");
    }

    @Override
    public HelpCenter helpCenter() {
        return helpCenter;
    }

    @Override
    public void record(KotaeEvent event) {
        events.add(event);
    }

    @Override
    public void sourceChanged(String sourceId) {
        throw new UnsupportedOperationException("the widget has no content source");
    }
}

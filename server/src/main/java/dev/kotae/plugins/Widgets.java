package dev.kotae.plugins;

import dev.kotae.plugin.WidgetRequest;
import dev.kotae.plugin.WidgetResponse;
import java.io.IOException;
import java.util.Optional;

/** The running deflection widgets, as the HTTP layer needs them. */
public interface Widgets {

    /** A static file of a widget. */
    record Asset(byte[] bytes, String contentType) {}

    /** Whether a widget with this plugin id is running. */
    boolean has(String pluginId);

    /** One of the widget's static files; empty when there is no such file or it may not be served. */
    Optional<Asset> asset(String pluginId, String path) throws IOException;

    /** Forwards a request to the widget's endpoint (time-boxed). */
    WidgetResponse handle(String pluginId, WidgetRequest request) throws PluginCallException;
}

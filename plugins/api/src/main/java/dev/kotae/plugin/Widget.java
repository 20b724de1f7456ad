package dev.kotae.plugin;

/**
 * A deflection widget: browser code that customers meet outside the help center (on a contact form, in a
 * chat bubble) and that answers them before they file a ticket.
 *
 * <p>The server serves the plugin's static files from the classpath folder {@link #assetsFolder()} at
 * {@code /widgets/<plugin-id>/<file>} (with CORS, so any site can embed them with one {@code <script>} tag)
 * and forwards {@code GET} and {@code POST} requests under {@code /api/v1/widgets/<plugin-id>/} to
 * {@link #handle}. Widgets only ever see public articles, through {@link PluginContext#helpCenter()}.
 * A plugin has at most one widget.
 *
 * @since 1.0
 */
public interface Widget extends KotaeExtension {

    /**
     * The classpath folder (inside the plugin jar) whose files are served under
     * {@code /widgets/<plugin-id>/}. Default {@code widget/}. Files are served as they are, with a content
     * type from their extension ({@code .js}, {@code .css}, {@code .svg}, {@code .html}, {@code .json},
     * {@code .png}).
     */
    default String assetsFolder() {
        return "widget/";
    }

    /**
     * Answers a request to {@code /api/v1/widgets/<plugin-id>/<path>}. Called concurrently from HTTP
     * threads and time-boxed. The default answers 404: a widget needs no endpoint of its own when the
     * public search API is enough.
     */
    default WidgetResponse handle(WidgetRequest request) throws Exception {
        return WidgetResponse.notFound();
    }
}

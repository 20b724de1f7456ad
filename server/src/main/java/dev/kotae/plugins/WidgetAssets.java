package dev.kotae.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a widget's static files from its own jar only (never from the server's class path, whatever
 * folder the widget names) and only of web asset types, so {@code .class} files and server resources
 * can never be fetched through {@code /widgets/}.
 */
final class WidgetAssets {

    private static final Pattern SAFE_PATH = Pattern.compile("([A-Za-z0-9_-][A-Za-z0-9._-]*/)*[A-Za-z0-9_-][A-Za-z0-9._-]*");
    private static final int MAX_BYTES = 4 * 1024 * 1024;
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("webp", "image/webp"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("map", "application/json"));

    private WidgetAssets() {}

    static Optional<Widgets.Asset> read(ClassLoader pluginLoader, String folder, String path) throws IOException {
        if (path == null || path.length() > 512 || !SAFE_PATH.matcher(path).matches() || path.contains("..")) {
            return Optional.empty();
        }
        String type = TYPES.get(extension(path));
        if (type == null || !(pluginLoader instanceof URLClassLoader own)) {
            return Optional.empty();
        }
        String root = folder == null ? "" : folder.strip();
        if (!root.isEmpty() && !root.endsWith("/")) {
            root += "/";
        }
        URL url = own.findResource(root + path); // findResource: the plugin's jar, never the parent loader
        if (url == null) {
            return Optional.empty();
        }
        try (InputStream in = url.openStream()) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                return Optional.empty();
            }
            return Optional.of(new Widgets.Asset(bytes, type));
        }
    }

    private static String extension(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}

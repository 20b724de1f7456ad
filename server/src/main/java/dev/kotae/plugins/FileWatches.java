package dev.kotae.plugins;

import dev.kotae.util.DaemonThreads;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * Watches plugin sources' files and folders for {@link dev.kotae.plugin.PluginContext#watch}: one thread
 * polls every watched path about once a second and reports a source whose files changed (size,
 * modification time, or the files in a watched folder). Polling, not the OS watch service, because
 * spreadsheets and exports often sit on network shares where file events do not arrive.
 */
final class FileWatches implements AutoCloseable {

    static final long INTERVAL_MILLIS = 1000;

    private record Watch(String pluginId, String sourceId, List<Path> paths, String snapshot) {}

    private final Map<String, Watch> watches = new ConcurrentHashMap<>();
    private final BiConsumer<String, String> changed;
    private final ScheduledExecutorService poller =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("kotae-plugin-watch"));

    /** @param changed called with the plugin id and the source id when the source's files changed */
    FileWatches(BiConsumer<String, String> changed) {
        this.changed = changed;
        poller.scheduleWithFixedDelay(this::poll, INTERVAL_MILLIS, INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Starts (or replaces) the watch of one plugin source. */
    void watch(String pluginId, String sourceId, Collection<Path> paths) {
        List<Path> copy = List.copyOf(paths);
        watches.put(pluginId + "/" + sourceId, new Watch(pluginId, sourceId, copy, snapshot(copy)));
    }

    private void poll() {
        watches.forEach((key, watch) -> {
            String now = snapshot(watch.paths());
            if (!now.equals(watch.snapshot())
                    && watches.replace(key, watch, new Watch(watch.pluginId(), watch.sourceId(), watch.paths(), now))) {
                changed.accept(watch.pluginId(), watch.sourceId());
            }
        });
    }

    /** Name, size and modification time of every watched file (and of the files directly in watched folders). */
    static String snapshot(List<Path> paths) {
        Map<String, String> stamps = new TreeMap<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.list(path)) {
                    files.filter(Files::isRegularFile).forEach(file -> stamps.put(file.toString(), stamp(file)));
                } catch (IOException e) {
                    stamps.put(path.toString(), "unlistable");
                }
            } else {
                stamps.put(path.toString(), stamp(path));
            }
        }
        return stamps.toString();
    }

    private static String stamp(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return attributes.size() + ":" + attributes.lastModifiedTime().toMillis();
        } catch (IOException e) {
            return "absent";
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}

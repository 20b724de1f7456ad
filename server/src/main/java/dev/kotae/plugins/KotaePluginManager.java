package dev.kotae.plugins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.pf4j.BasePluginRepository;
import org.pf4j.CompoundPluginRepository;
import org.pf4j.DefaultPluginManager;
import org.pf4j.JarPluginRepository;
import org.pf4j.PluginRepository;
import org.pf4j.PluginWrapper;
import org.pf4j.util.FileUtils;
import org.pf4j.util.ZipFileFilter;

/**
 * PF4J's manager, told to look at plugin jars and PF4J zips only. (Its default also treats every
 * sub-folder as an unpacked plugin, which turns stray folders into start-up errors.)
 */
final class KotaePluginManager extends DefaultPluginManager {

    /** A file in the plugin folder that could not be loaded as a plugin, and why. */
    record LoadFailure(String file, String error) {}

    private final List<LoadFailure> loadFailures = new CopyOnWriteArrayList<>();

    KotaePluginManager(Path pluginFolder) {
        super(pluginFolder);
    }

    /** Records why a file is not a loadable plugin (PF4J itself only logs it) so administrators see it. */
    @Override
    protected PluginWrapper loadPluginFromPath(Path pluginPath) {
        try {
            return super.loadPluginFromPath(pluginPath);
        } catch (RuntimeException e) {
            loadFailures.add(new LoadFailure(pluginPath.getFileName().toString(), e.getMessage()));
            throw e;
        }
    }

    List<LoadFailure> loadFailures() {
        return List.copyOf(loadFailures);
    }

    @Override
    protected PluginRepository createPluginRepository() {
        return new CompoundPluginRepository()
                .add(new JarPluginRepository(getPluginsRoots()))
                .add(new ZipRepository(getPluginsRoots()));
    }

    /** PF4J zips ({@code classes/}, {@code lib/}), unpacked beside the zip on first use. */
    private static final class ZipRepository extends BasePluginRepository {
        ZipRepository(List<Path> roots) {
            super(roots, new ZipFileFilter());
        }

        @Override
        public List<Path> getPluginPaths() {
            return super.getPluginPaths().stream().map(zip -> {
                try {
                    return FileUtils.expandIfZip(zip);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot unpack plugin " + zip, e);
                }
            }).toList();
        }
    }
}

package dev.kotae.index;

import java.io.IOException;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;

/**
 * A Lucene directory whose disk can be made "full": while {@link #fail(boolean) failing}, every new file,
 * sync and rename throws the IOException a full disk gives. Reading always works, as it does on a full
 * disk. Tests run as root, so permissions are no way to make writes fail.
 */
public final class FaultyDirectory extends FilterDirectory {

    private final AtomicBoolean failing = new AtomicBoolean();

    public FaultyDirectory(Directory in) {
        super(in);
    }

    /** An {@link IndexDirectories} that opens the file-system directory under a faulty one, kept in {@code opened}. */
    public static IndexDirectories opening(java.util.concurrent.atomic.AtomicReference<FaultyDirectory> opened) {
        return path -> {
            FaultyDirectory directory = new FaultyDirectory(IndexDirectories.FILE_SYSTEM.open(path));
            opened.set(directory);
            return directory;
        };
    }

    /** Makes writes fail from now on ({@code true}), or work again. */
    public void fail(boolean fail) {
        failing.set(fail);
    }

    private void check(String what) throws IOException {
        if (failing.get()) {
            throw new IOException("No space left on device (simulated, " + what + ")");
        }
    }

    @Override
    public IndexOutput createOutput(String name, IOContext context) throws IOException {
        check("create " + name);
        return super.createOutput(name, context);
    }

    @Override
    public IndexOutput createTempOutput(String prefix, String suffix, IOContext context) throws IOException {
        check("create " + prefix);
        return super.createTempOutput(prefix, suffix, context);
    }

    @Override
    public void sync(Collection<String> names) throws IOException {
        check("sync");
        super.sync(names);
    }

    @Override
    public void rename(String source, String dest) throws IOException {
        check("rename " + source);
        super.rename(source, dest);
    }

    @Override
    public void syncMetaData() throws IOException {
        check("sync metadata");
        super.syncMetaData();
    }
}

package dev.kotae.synonyms;

import dev.kotae.content.ContentFolder;
import dev.kotae.content.ContentProblem;
import dev.kotae.index.Analysis;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The synonyms file of the content folder, {@value #NAME} at its top, followed as it changes: each
 * {@link #reload} reads it again and, if it is usable, makes it the {@link #current} set; if it is not
 * (too large, not UTF-8, a line that is not a rule), the set before stays in use and {@link #problem}
 * says why until the file is fixed. A file that is gone means no synonyms; a content folder that is gone
 * means nothing (the last set stays, as the last index does).
 */
public final class SynonymsFile {

    private static final Logger LOG = LoggerFactory.getLogger(SynonymsFile.class);

    /** The file's name, relative to the content folder. */
    public static final String NAME = "synonyms.txt";

    /** Larger files are refused: about ten thousand rules, far more than a help center's vocabulary. */
    public static final long MAX_BYTES = 256 * 1024;

    private final ContentFolder folder;
    private final Analysis analysis;
    private volatile Synonyms current = Synonyms.NONE;
    private volatile ContentProblem problem;
    /** The text of the set in use ({@code null}: no file), to tell a real change from a touched file. */
    private String loadedText;
    private long versions;

    public SynonymsFile(ContentFolder folder, Analysis analysis) {
        this.folder = folder;
        this.analysis = analysis;
    }

    /** Whether a batch of changed paths (relative to the content folder) includes the synonyms file. */
    public static boolean isAmong(Collection<String> changedPaths) {
        return changedPaths.contains(NAME);
    }

    /** The set in use now. */
    public Synonyms current() {
        return current;
    }

    /** Why the file as it is now is not the set in use, if it is not. */
    public Optional<ContentProblem> problem() {
        return Optional.ofNullable(problem);
    }

    /**
     * Reads the file again and uses it if it is usable and differs from the set in use; returns whether
     * the set in use changed.
     */
    public synchronized boolean reload() {
        Path file = folder.resolve(NAME);
        if (!Files.isDirectory(folder.root())) {
            return false; // the folder is missing (a deploy, a mistake): its watcher reports it
        }
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            problem = null;
            return use(null, Synonyms.NONE);
        }
        String text;
        try {
            text = read(file);
        } catch (InvalidSynonymsException e) {
            return refuse(e.getMessage());
        }
        if (text.equals(loadedText)) {
            problem = null;
            return false;
        }
        try {
            Synonyms parsed = Synonyms.parse(text, analysis, versions + 1);
            problem = null;
            return use(text, parsed);
        } catch (InvalidSynonymsException e) {
            return refuse(e.getMessage());
        }
    }

    private boolean use(String text, Synonyms synonyms) {
        if (text == null && loadedText == null) {
            return false;
        }
        versions = Math.max(versions, synonyms.version());
        loadedText = text;
        current = synonyms;
        LOG.info(text == null ? "No {} any more; searching without synonyms" : "Synonyms loaded from {}: {} rules",
                NAME, synonyms.rules());
        return true;
    }

    private boolean refuse(String why) {
        String message = why + "; " + (current == Synonyms.NONE ? "searching without synonyms until it is fixed"
                : "the synonyms loaded before are used until it is fixed");
        if (problem == null || !problem.message().equals(message)) {
            LOG.warn("Not using {}: {}", NAME, message);
        }
        problem = new ContentProblem(NAME, message);
        return false;
    }

    private static String read(Path file) throws InvalidSynonymsException {
        try {
            // As the content folder takes articles: a regular file, never followed through a link (one to a
            // file elsewhere would be read and echoed into the status; one to /dev/zero never ends).
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile()) {
                throw new InvalidSynonymsException("the file is not a regular file (a link or a folder); "
                        + "write the synonyms into " + NAME + " itself");
            }
            if (attributes.size() > MAX_BYTES) {
                throw new InvalidSynonymsException("the file is " + (attributes.size() + 1023) / 1024
                        + " KiB; synonyms are limited to " + MAX_BYTES / 1024 + " KiB");
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                bytes = in.readNBytes((int) MAX_BYTES + 1); // never more than the limit, if it grew since
            }
            if (bytes.length > MAX_BYTES) {
                throw new InvalidSynonymsException("the file is over " + MAX_BYTES / 1024 + " KiB");
            }
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text; // a byte-order mark some editors write
        } catch (CharacterCodingException e) {
            throw new InvalidSynonymsException("the file is not UTF-8 text; save it as UTF-8");
        } catch (IOException e) {
            throw new InvalidSynonymsException("cannot read the file: " + e.getMessage());
        }
    }
}

package dev.kotae.testplugin.broken;

import dev.kotae.plugin.ContentSource;
import dev.kotae.plugin.SourceArticle;
import java.util.Arrays;
import java.util.List;
import org.pf4j.Extension;

/** One good article among bad ones: the good one must be indexed, each bad one reported. */
@Extension
public class BadDataSource implements ContentSource {

    @Override
    public String sourceId() {
        return "bad";
    }

    @Override
    public List<SourceArticle> articles() {
        return Arrays.asList(
                SourceArticle.faq("good", "Survivor among broken rows", "This one is *fine*.", "en"),
                SourceArticle.faq("no title", "", "bad id and no title", "en"),
                new SourceArticle("hidden", "Unknown visibility", "x", "markdown", "faq", "secret", "en", null, null,
                        null, null),
                new SourceArticle("weird-format", "Weird format", "x", "docx", null, null, "en", null, null, null, null),
                SourceArticle.faq("klingon", "Unserved locale", "x", "tlh"),
                null,
                SourceArticle.faq("good", "Duplicate of good", "x", "en"));
    }
}

package dev.kotae.testplugin.broken;

import dev.kotae.plugin.ContentSource;
import dev.kotae.plugin.SourceArticle;
import java.util.Arrays;
import java.util.List;
import org.pf4j.Extension;

/**
 * One good article among bad ones: the good one must be indexed, each bad one reported. (Since API 1.0 an
 * unknown type, visibility or body format no longer compiles, so those cases are gone.)
 */
@Extension
public class BadDataSource implements ContentSource {

    @Override
    public String sourceId() {
        return "bad";
    }

    @Override
    public List<SourceArticle> articles() {
        return Arrays.asList(
                SourceArticle.builder().id("good").title("Survivor among broken rows").body("This one is *fine*.")
                        .locale("en").build(),
                SourceArticle.builder().id("no title").title("").body("bad id and no title").locale("en").build(),
                SourceArticle.builder().id("no-language").title("Not a language tag").body("x").locale("Japanese!")
                        .build(),
                SourceArticle.builder().id("long-title").title("T".repeat(1_000)).body("x").locale("en").build(),
                SourceArticle.builder().id("klingon").title("Unserved locale").body("x").locale("tlh").build(),
                null,
                SourceArticle.builder().id("good").title("Duplicate of good").body("x").locale("en").build());
    }
}

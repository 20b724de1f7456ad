package dev.kotae.content;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Uploaded images as articles show them: {@code media/<yyyy>/<slug>-<first 10 hex of sha256>.<ext>} under
 * the content folder, served at {@code /media/<name>}. Which ones an article's HTML links to decides who may
 * fetch them: an image only internal articles show is as internal as they are.
 */
public final class MediaLinks {

    /**
     * Every name an uploaded image has, relative to the media folder: a year, a slug of ASCII letters, digits
     * and single hyphens, the digest, one of the four extensions.
     */
    public static final Pattern NAME =
            Pattern.compile("([0-9]{4})/([a-z0-9]+(?:-[a-z0-9]+)*)-([0-9a-f]{10})\\.(png|jpg|gif|webp)");
    /** An image or a link whose address ends in {@code media/<name>}: {@code /media/…}, or relative to the article. */
    private static final Pattern LINKED = Pattern.compile("(?:src|href)=\"(?:[^\"]*/)?media/(" + NAME.pattern() + ")\"");

    private MediaLinks() {}

    /** The names of the uploaded images {@code html} (an article's rendered body) shows or links to. */
    public static Set<String> in(String html) {
        Set<String> names = new LinkedHashSet<>();
        Matcher linked = LINKED.matcher(html);
        while (linked.find()) {
            names.add(linked.group(1));
        }
        return names;
    }
}

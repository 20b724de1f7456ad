package dev.kotae.site;

import dev.kotae.content.Article;
import dev.kotae.content.ArticleType;
import dev.kotae.content.Visibility;
import dev.kotae.editing.EditableArticle;
import dev.kotae.editing.PublishTimes;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The editor form's fields exactly as the person typed them, so a refused save shows their own text
 * again, and the one conversion between them and an {@link EditableArticle}. Tags are comma-separated,
 * questions one per line; an empty type, visibility or locale means "the folder's default", so an article
 * whose file leaves a key out is saved without it.
 *
 * @param publishAt a {@code datetime-local} value ({@code 2026-12-24T09:00}) in the help center's zone, or empty
 */
public record ArticleForm(String id, String title, String category, String tags, String questions, String type,
        String visibility, String locale, String translationKey, String body, String publishAt) {

    private static final Pattern ASCII_TITLE = Pattern.compile("[\\x20-\\x7E]+");
    /** Tags are separated by commas, a Japanese comma 、 or a full-width ， as people type them. */
    private static final Pattern TAG_SEPARATOR = Pattern.compile("[,、，]");
    private static final Pattern LINE = Pattern.compile("\n");
    private static final int SUGGESTED_ID_LENGTH = 80;
    private static final DateTimeFormatter LOCAL_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    public ArticleForm {
        id = clean(id);
        title = clean(title);
        category = clean(category);
        tags = clean(tags);
        questions = lines(questions);
        type = clean(type);
        visibility = clean(visibility);
        locale = clean(locale);
        translationKey = clean(translationKey);
        // Browsers send a textarea's line breaks as CRLF; files are written with LF, as an engineer would.
        body = body == null ? "" : body.replace("\r\n", "\n").replace('\r', '\n');
        publishAt = clean(publishAt);
    }

    /** A form as posted. */
    static ArticleForm from(MultivaluedMap<String, String> form) {
        return new ArticleForm(form.getFirst("id"), form.getFirst("title"), form.getFirst("category"),
                form.getFirst("tags"), form.getFirst("questions"), form.getFirst("type"), form.getFirst("visibility"),
                form.getFirst("locale"), form.getFirst("translationKey"), form.getFirst("body"),
                form.getFirst("publishAt"));
    }

    /** The form showing an article (and the time a draft is to be published, or {@code null}). */
    static ArticleForm of(EditableArticle article, Instant publishAt, ZoneId zone) {
        return new ArticleForm(article.id(), article.title(), article.category(), String.join(", ", article.tags()),
                String.join("\n", article.questions()), article.type() == null ? "" : article.type().key(),
                article.visibility() == null ? "" : article.visibility().key(),
                article.locale() == null ? "" : article.locale(), article.translationKey(), article.body(),
                publishAt == null ? "" : shown(publishAt, zone));
    }

    /**
     * A scheduled time as the form's field shows it. One outside the years drafts may be scheduled for
     * (saved before that was checked) is shown as the instant it is, not converted, since converting one
     * far enough out fails: the page still opens, and saving the form then points at the field.
     */
    private static String shown(Instant publishAt, ZoneId zone) {
        return PublishTimes.inRange(publishAt) ? LOCAL_MINUTES.format(publishAt.atZone(zone).toLocalDateTime())
                : publishAt.toString();
    }

    /** The same form with another id (a new article's suggested id). */
    ArticleForm withId(String newId) {
        return new ArticleForm(newId, title, category, tags, questions, type, visibility, locale, translationKey, body,
                publishAt);
    }

    /** What was typed as an article, or the fields that cannot be read, each with its message key. */
    EditableArticle article() throws Invalid {
        Map<String, String> errors = new LinkedHashMap<>();
        if (id.isEmpty()) {
            errors.put("id", "editor.error.idRequired");
        } else if (!Article.ID_PATTERN.matcher(id).matches()) {
            errors.put("id", "editor.error.idFormat");
        }
        ArticleType parsedType = null;
        if (!type.isEmpty()) {
            try {
                parsedType = ArticleType.parse(type);
            } catch (IllegalArgumentException e) {
                errors.put("type", "editor.error.type");
            }
        }
        Visibility parsedVisibility = null;
        if (!visibility.isEmpty()) {
            try {
                parsedVisibility = Visibility.parse(visibility);
            } catch (IllegalArgumentException e) {
                errors.put("visibility", "editor.error.visibility");
            }
        }
        if (!locale.isEmpty() && !Article.LOCALE_PATTERN.matcher(locale).matches()) {
            errors.put("locale", "editor.error.locale");
        }
        if (!publishAt.isEmpty() && parseLocal(publishAt) == null) {
            errors.put("publishAt", "editor.error.publishAt");
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        return new EditableArticle(id, title, parsedType, parsedVisibility, locale.isEmpty() ? null : locale,
                category, split(tags, TAG_SEPARATOR), split(questions, LINE), translationKey.isEmpty() ? null : translationKey,
                body);
    }

    /** When the draft is to be published, or {@code null} for at once ({@link #article()} checked the format). */
    Instant publishAt(ZoneId zone) {
        LocalDateTime local = publishAt.isEmpty() ? null : parseLocal(publishAt);
        return local == null ? null : local.atZone(zone).toInstant();
    }

    /**
     * Whether this form holds the same article, to be published at the same time, as {@code other}, whatever
     * the spacing of lists or the seconds of the time.
     */
    boolean sameArticle(ArticleForm other) {
        return id.equals(other.id) && title.equals(other.title) && category.equals(other.category)
                && split(tags, TAG_SEPARATOR).equals(split(other.tags, TAG_SEPARATOR))
                && split(questions, LINE).equals(split(other.questions, LINE))
                && type.equals(other.type) && visibility.equals(other.visibility) && locale.equals(other.locale)
                && translationKey.equals(other.translationKey) && body.equals(other.body)
                && samePublishAt(other.publishAt);
    }

    private boolean samePublishAt(String other) {
        if (publishAt.equals(other)) {
            return true;
        }
        LocalDateTime mine = parseLocal(publishAt);
        return mine != null && mine.equals(parseLocal(other));
    }

    /**
     * A URL name made from an ASCII title ("Reset your password" → {@code reset-your-password}), or
     * {@code ""} when the title has other characters: a Japanese title has no obvious URL name.
     */
    static String suggestedId(String title) {
        if (title == null || !ASCII_TITLE.matcher(title.strip()).matches()) {
            return "";
        }
        String id = title.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return id.length() <= SUGGESTED_ID_LENGTH ? id : id.substring(0, SUGGESTED_ID_LENGTH).replaceAll("-+$", "");
    }

    /** The fields that could not be read: field name → message key. */
    static final class Invalid extends Exception {
        private final Map<String, String> errors;

        Invalid(Map<String, String> errors) {
            super("invalid fields " + errors.keySet());
            this.errors = Map.copyOf(errors);
        }

        Map<String, String> errors() {
            return errors;
        }
    }

    /** A typed date and time, or {@code null} if it is unreadable or outside the years drafts may be scheduled for. */
    private static LocalDateTime parseLocal(String value) {
        try {
            LocalDateTime local = LocalDateTime.parse(value).truncatedTo(ChronoUnit.MINUTES);
            return PublishTimes.inRange(local) ? local : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static List<String> split(String value, Pattern separator) {
        return Arrays.stream(separator.split(value)).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
    }

    private static String clean(String value) {
        return value == null ? "" : value.strip();
    }

    private static String lines(String value) {
        return value == null ? "" : value.replace("\r\n", "\n").replace('\r', '\n').strip();
    }
}

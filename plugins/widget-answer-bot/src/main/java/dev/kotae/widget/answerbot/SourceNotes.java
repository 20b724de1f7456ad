package dev.kotae.widget.answerbot;

/**
 * The line under an answer that tells the customer where it comes from: 「出典: ヘルプセンター」 or
 * "Source: help center" for the help center's own articles, and the plugin source's id ({@code zendesk},
 * {@code csv}) for imported ones, so that an agent reading a chat transcript knows which copy to fix.
 */
final class SourceNotes {

    private SourceNotes() {}

    /**
     * The note in Japanese for a locale starting with {@code ja}, otherwise in English.
     *
     * @param source {@link Candidates#source}: {@code help-center} or a plugin source's id
     * @param locale the customer's locale, or {@code null}
     */
    static String note(String source, String locale) {
        boolean japanese = locale != null && (locale.equals("ja") || locale.startsWith("ja-"));
        boolean own = Candidates.HELP_CENTER_SOURCE.equals(source);
        if (japanese) {
            return "出典: " + (own ? "ヘルプセンター" : source);
        }
        return "Source: " + (own ? "help center" : source);
    }
}

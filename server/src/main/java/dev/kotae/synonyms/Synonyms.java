package dev.kotae.synonyms;

import dev.kotae.index.Analysis;
import dev.kotae.index.IndexFields;
import dev.kotae.index.LanguageFamily;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One version of the help center's synonyms: for each language family, which runs of analysed words
 * stand for which others. Immutable; {@link SynonymsFile} replaces the whole set when the file changes.
 *
 * <p>The file is in Solr's format, parsed by Lucene's {@code SolrSynonymParser}: {@code a, b, c} makes
 * the words equivalent (each finds the others), {@code a => b} makes {@code a} find {@code b} but not the
 * other way round, and a line starting with {@code #} is a comment. Unlike Solr's replacing rule, what the
 * customer typed is always searched as well: a synonym adds to a query, it never takes a word away.
 */
public final class Synonyms {

    /** No synonyms: a help center without {@code synonyms.txt}. */
    public static final Synonyms NONE = new Synonyms(0, new EnumMap<>(LanguageFamily.class), 0);

    private final long version;
    private final Map<LanguageFamily, FamilyRules.Mappings> byFamily;
    private final int lines;

    private Synonyms(long version, Map<LanguageFamily, FamilyRules.Mappings> byFamily, int lines) {
        this.version = version;
        this.byFamily = byFamily;
        this.lines = lines;
    }

    /**
     * Parses {@code text}, the content of a synonyms file, once per language family with that family's
     * text analysis.
     *
     * @param version what tells this set from the ones before it (a result computed with another set is
     *     not this set's result)
     * @throws InvalidSynonymsException if a line is not a rule (Lucene's parser says which), a term has no
     *     word any family searches for (only particles or stop words), or the rules are too many
     */
    public static Synonyms parse(String text, Analysis analysis, long version) throws InvalidSynonymsException {
        String rules = withoutComments(text);
        Map<LanguageFamily, FamilyRules.Mappings> byFamily = new EnumMap<>(LanguageFamily.class);
        Set<String> emptyEverywhere = null;
        for (LanguageFamily family : LanguageFamily.values()) {
            FamilyRules familyRules = new FamilyRules(analysis.text(family), IndexFields.body(family));
            try {
                familyRules.parse(new StringReader(rules));
            } catch (ParseException e) {
                String why = e.getCause() == null ? "" : ": " + e.getCause().getMessage();
                throw new InvalidSynonymsException(e.getMessage() + why);
            } catch (IOException e) {
                throw new UncheckedIOException("a string reader does not fail", e);
            }
            byFamily.put(family, familyRules.mappings());
            if (emptyEverywhere == null) {
                emptyEverywhere = new LinkedHashSet<>(familyRules.termsWithoutWords());
            } else {
                emptyEverywhere.retainAll(familyRules.termsWithoutWords());
            }
        }
        if (emptyEverywhere != null && emptyEverywhere.contains("")) {
            throw new InvalidSynonymsException("a rule has an empty term (two commas in a row, or one at the end)");
        }
        if (emptyEverywhere != null && !emptyEverywhere.isEmpty()) {
            throw new InvalidSynonymsException("«" + String.join("», «", emptyEverywhere)
                    + "» has no word that search uses (only particles, stop words or punctuation)");
        }
        return new Synonyms(version, byFamily, (int) rules.lines().filter(line -> !line.isEmpty()).count());
    }

    /** Which set this is: 0 for {@link #NONE}, higher for each set loaded after it. */
    public long version() {
        return version;
    }

    /** How many rules (lines other than blank ones and comments) the file has. */
    public int rules() {
        return lines;
    }

    /**
     * The synonyms of {@code words}, a query's words as {@code family}'s analysis gives them, in order:
     * every word, and every run of adjacent words, that is an entry of the file adds what it stands for.
     * Each synonym comes once, with the query words it stands for.
     */
    public List<Match> of(LanguageFamily family, List<String> words) {
        FamilyRules.Mappings mappings = byFamily.get(family);
        if (mappings == null || mappings.isEmpty()) {
            return List.of();
        }
        List<Match> matches = new ArrayList<>();
        Set<List<String>> seen = new LinkedHashSet<>();
        for (int from = 0; from < words.size(); from++) {
            for (int to = from + 1; to <= Math.min(words.size(), from + mappings.longestEntry()); to++) {
                List<String> typed = List.copyOf(words.subList(from, to));
                for (List<String> synonym : mappings.of(typed)) {
                    if (seen.add(synonym)) {
                        matches.add(new Match(typed, synonym));
                    }
                }
            }
        }
        return matches;
    }

    /**
     * A synonym found for a query.
     *
     * @param typed the query's words it stands for (one, or a run of adjacent ones)
     * @param synonym its words, analysed as the query's are
     */
    public record Match(List<String> typed, List<String> synonym) {}

    /**
     * {@code text} with blank lines and comments emptied, line numbers kept (the parser's errors name
     * them). Solr's parser takes only a {@code #} in the first column for a comment and reads a line of
     * spaces as an empty term; an indented comment or a stray space is not worth refusing a file for.
     */
    private static String withoutComments(String text) {
        return text.lines().map(line -> line.isBlank() || line.strip().startsWith("#") ? "" : line)
                .collect(Collectors.joining("\n"));
    }
}

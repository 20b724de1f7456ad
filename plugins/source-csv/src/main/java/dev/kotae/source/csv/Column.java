package dev.kotae.source.csv;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The columns a FAQ sheet can have, with the header names recognised without an explicit mapping. Names are
 * compared after {@link Text#fold folding}, so "ＩＤ", "Id" and " id " are all {@link #ID}; matching is
 * exact, never by substring, so "類似質問" is not mistaken for "質問".
 */
enum Column {
    ID("id", "id", "番号", "no", "number", "管理番号", "faqid"),
    QUESTION("question", "question", "q", "質問", "問い", "問", "質問内容", "タイトル", "title", "件名"),
    ANSWER("answer", "answer", "a", "回答", "答え", "答", "回答内容", "本文", "body"),
    CATEGORY("category", "category", "カテゴリ", "カテゴリー", "分類", "ジャンル"),
    TAGS("tags", "tags", "tag", "タグ", "キーワード", "keywords", "keyword"),
    VISIBILITY("visibility", "visibility", "公開範囲", "公開", "公開区分", "公開設定"),
    TYPE("type", "type", "種別", "種類"),
    LOCALE("locale", "locale", "language", "lang", "言語"),
    QUESTIONS("questions", "questions", "言い換え", "別の聞き方", "他の聞き方", "類似質問", "alternatives"),
    UPDATED("updated", "updated", "updated at", "last updated", "更新日", "最終更新日");

    private final String settingKey;
    private final Set<String> foldedAliases;

    Column(String settingKey, String... aliases) {
        this.settingKey = settingKey;
        this.foldedAliases = Arrays.stream(aliases).map(Text::fold).collect(Collectors.toUnmodifiableSet());
    }

    /** The key of this column under a file's {@code columns:} setting. */
    String settingKey() {
        return settingKey;
    }

    /** True when a header (as it appears in the file) is one of this column's usual names. */
    boolean recognises(String header) {
        return foldedAliases.contains(Text.fold(header));
    }

    /** Question and answer make an article; every other column is optional. */
    boolean required() {
        return this == QUESTION || this == ANSWER;
    }

    /** The column for a {@code columns:} key, matched exactly as documented. */
    static Optional<Column> bySettingKey(String key) {
        return Arrays.stream(values()).filter(c -> c.settingKey.equals(key)).findFirst();
    }

    /** Every {@code columns:} key, for error messages. */
    static List<String> settingKeys() {
        return Arrays.stream(values()).map(Column::settingKey).collect(Collectors.toList());
    }
}

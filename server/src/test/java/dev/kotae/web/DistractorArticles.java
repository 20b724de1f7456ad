package dev.kotae.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Generated articles that make the sample help center larger and harder to search in Japanese: 60%
 * Japanese, 40% English, about one in eight an internal playbook, from a fixed seed (the same files every
 * run). The Japanese ones use the support-desk words the sample's articles use (返金, 配送, 領収書 …) about
 * made-up products, and words that share their readings (好感 and 公開 beside 交換, 大会 beside 退会, 次期
 * and 磁気 beside 時期, 総量 beside 送料, 発想 beside 発送 …), so a search that matches through readings
 * meets many wrong candidates. Their bodies mention the support-desk words in passing; their titles,
 * questions and tags are about a made-up product and words no query of the set is about (or its
 * homophones), so the sample's own article stays the best answer to every query of the set, and the
 * written forms of the queries show it (the control). The internal playbooks are about the sample's own
 * topics (返金の承認フロー): an anonymous search must never show one.
 *
 * <p>The benchmark module's {@code SyntheticHelpCenter} is not reused: its vocabulary and figures are
 * the benchmark's, and the server's tests cannot depend on that module.
 */
final class DistractorArticles {

    static final long SEED = 20261205L;

    /** Support-desk words, most of them written in the sample's articles too. */
    private static final List<String> JA_WORDS = List.of("注文", "返金", "配送", "送料", "支払い", "会員", "ポイント",
            "請求書", "領収書", "住所", "パスワード", "交換", "返品", "発送", "在庫", "期限", "手数料", "登録", "確認",
            "追跡", "再配達", "後払い", "代引き", "分割", "海外", "法人", "見積もり", "個人情報", "時期", "手順", "方法",
            "不良", "入荷", "退会", "破損", "クーポン", "アプリ", "保証", "修理", "定期便", "予約", "問い合わせ", "履歴",
            "明細", "割引", "ギフト", "メールアドレス", "ログイン", "設定", "通知", "画面", "店舗", "料金", "プラン");
    /** Words no query of the typing set is about: what generated titles and questions are about. */
    private static final List<String> JA_GENERIC = List.of("設定", "通知", "画面", "店舗", "料金", "プラン", "アプリ",
            "クーポン", "割引", "キャンペーン", "レビュー", "お気に入り", "アンケート", "定期便", "保証", "修理", "予約",
            "バージョン", "ウィジェット", "ショートカット");
    /** Words that share a reading with a word of the typing set, and mean something else. */
    private static final List<String> JA_HOMOPHONES = List.of("好感", "公開", "後悔", "航海", "高官", "変換", "返還",
            "偏向", "敗走", "発想", "総量", "大会", "体外", "次期", "磁気", "機嫌", "起源", "友好", "発効", "発酵", "故人",
            "介助", "照会", "紹介", "保障", "補償", "機関", "帰還", "器官", "邦人", "書記", "初期", "領袖", "性急", "賞品",
            "提起", "背信", "乳化", "変身", "返信");
    private static final List<String> JA_VERBS = List.of("変更", "確認", "登録", "解除", "申請", "取り消し", "追加", "削除",
            "設定", "再発行", "受け取り", "更新", "停止", "再開", "利用", "入力", "選択", "連絡", "発行", "承認");
    private static final String[] JA_TITLES = {"{P}の{G}を{V}する方法", "{P}の{G}について", "{P}で{G}が{V}できない場合",
        "{P}：{G}と{H}の違い", "{P}の{H}について", "{P}{H}のお知らせ", "{P}の{H}と{G}"};
    private static final String[] JA_QUESTIONS = {"{P}の{G}を{V}したい", "{P}の{G}の{V}はどうすればいいですか",
        "{P}の{H}はいつですか", "{P}で{G}が{V}できません", "{P}の{H}について知りたい"};
    private static final String[] JA_BODY = {"{P}の{N}の{V}は、{N}の画面から行えます。", "{P}の{H}は{D}月に予定しています。",
        "{H}に関するご意見は{N}の窓口までお寄せください。", "{P}をご利用のお客様は、{N}の{V}が必要です。",
        "{H}の結果は{N}でお知らせします。", "通常、{D}営業日以内に{P}の{N}を{V}します。", "{N}と{H}は別のものです。",
        "{P}の{N}が表示されない場合は、{N}を確認してください。", "{H}については{P}の{N}をご覧ください。"};
    /** Internal playbooks on the sample's own topics: they must never reach an anonymous search. */
    private static final String[] JA_PLAYBOOK_TITLES = {"【社内】{N}の{V}対応手順", "【社内】{N}の承認フロー",
        "【社内】{H}と{N}の問い合わせ対応"};

    private static final List<String> EN_WORDS = List.of("order", "refund", "delivery", "shipping fee", "payment",
            "receipt", "invoice", "address", "password", "account", "return", "exchange", "points", "coupon",
            "membership", "tracking number", "warranty", "repair", "subscription", "cancellation");
    private static final List<String> EN_VERBS = List.of("change", "cancel", "update", "reset", "track", "return",
            "exchange", "renew", "confirm", "remove");
    private static final String[] EN_TITLES = {"How to {V} your {P} {N}", "{P}: {V} a {N}", "{P} {N} and {N} explained"};
    private static final String[] EN_BODY = {"You can {V} your {P} {N} from the {N} page.",
        "It usually takes {D} business days to {V} a {N} for {P}.", "Contact our {N} team if the {N} still fails.",
        "{P} supports {N}, {N} and {N}."};

    private static final String[] KANA = {"ア", "イ", "カ", "キ", "ク", "サ", "シ", "ス", "タ", "ト", "ナ", "ニ", "ハ",
        "フ", "マ", "ミ", "ラ", "リ", "ル", "ロ", "ワ", "ガ", "ゼ", "ド", "ボ", "パ", "ピ"};
    private static final String[] SYLLABLES = {"zo", "vex", "li", "ma", "tron", "qu", "ra", "ne", "ko", "ti", "fen"};

    private final SplittableRandom random = new SplittableRandom(SEED);
    private final List<String> jaProducts = new ArrayList<>();
    private final List<String> enProducts = new ArrayList<>();

    DistractorArticles() {
        for (int i = 0; i < 100; i++) {
            jaProducts.add(katakanaName());
            enProducts.add(latinName());
        }
    }

    /** Writes {@code count} articles under {@code folder} ({@code locale/gN/gNNNNN.md}); returns the internal ones' ids. */
    List<String> writeTo(Path folder, int count) throws IOException {
        List<String> internal = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            boolean ja = random.nextInt(10) < 6;
            boolean playbook = random.nextInt(8) == 0;
            String id = String.format(Locale.ROOT, "g%05d", n);
            Path file = folder.resolve((ja ? "ja" : "en") + "/g" + (n % 20) + "/" + id + ".md");
            Files.createDirectories(file.getParent());
            Files.writeString(file, ja ? japanese(id, n, playbook) : english(id, n, playbook), StandardCharsets.UTF_8);
            if (playbook) {
                internal.add(id);
            }
        }
        return internal;
    }

    private String japanese(String id, int n, boolean playbook) {
        String product = pick(jaProducts);
        List<String> questions = new ArrayList<>();
        if (!playbook) {
            for (int i = random.nextInt(3); i > 0; i--) {
                questions.add(fillJa(pick(JA_QUESTIONS), product));
            }
        }
        StringBuilder body = new StringBuilder();
        for (int i = 3 + random.nextInt(10); i > 0; i--) {
            body.append(fillJa(pick(JA_BODY), product));
            if (i % 4 == 0) {
                body.append("\n\n## ").append(fillJa(pick(JA_TITLES), product)).append("\n\n");
            }
        }
        String title = fillJa(pick(playbook ? JA_PLAYBOOK_TITLES : JA_TITLES), product);
        return markdown(id, n, "ja", title, playbook, pick(JA_GENERIC), List.of(pick(JA_GENERIC), pick(JA_HOMOPHONES)),
                questions, body.toString());
    }

    private String english(String id, int n, boolean playbook) {
        String product = pick(enProducts);
        StringBuilder body = new StringBuilder();
        for (int i = 3 + random.nextInt(8); i > 0; i--) {
            body.append(fill(pick(EN_BODY), product, EN_WORDS, EN_VERBS)).append(' ');
        }
        return markdown(id, n, "en", fill(pick(EN_TITLES), product, EN_WORDS, EN_VERBS), playbook, zipf(EN_WORDS),
                List.of(zipf(EN_WORDS)), List.of(), body.toString().strip());
    }

    private static String markdown(String id, int n, String locale, String title, boolean playbook, String category,
            List<String> tags, List<String> questions, String body) {
        StringBuilder md = new StringBuilder("---\n");
        md.append("id: ").append(id).append('\n');
        md.append("title: ").append(yaml(title)).append('\n');
        md.append("type: ").append(playbook ? "playbook" : "faq").append('\n');
        md.append("visibility: ").append(playbook ? "internal" : "public").append('\n');
        md.append("locale: ").append(locale).append('\n');
        md.append("category: ").append(yaml(category)).append('\n');
        md.append("tags: [").append(String.join(", ", tags.stream().map(DistractorArticles::yaml).toList())).append("]\n");
        if (!questions.isEmpty()) {
            md.append("questions:\n");
            questions.forEach(q -> md.append("  - ").append(yaml(q)).append('\n'));
        }
        md.append("updated: ").append(LocalDate.of(2025, 1, 1).plusDays(n % 300)).append('\n');
        return md.append("---\n").append(body).append('\n').toString();
    }

    /**
     * A Japanese template filled: {H} with a word that shares a reading with a support-desk word, {G} with
     * a word no typing query is about, the rest as {@link #fill}.
     */
    private String fillJa(String template, String product) {
        return fill(template, product, JA_WORDS, JA_VERBS).transform(t -> replaceEach(t, "{H}", () -> pick(JA_HOMOPHONES)))
                .transform(t -> replaceEach(t, "{G}", () -> pick(JA_GENERIC)));
    }

    /** A template with its slots filled: {N} a word, {V} a verb, {P} the product, {D} a number. */
    private String fill(String template, String product, List<String> words, List<String> verbs) {
        return template.replace("{P}", product).transform(t -> replaceEach(t, "{N}", () -> zipf(words)))
                .transform(t -> replaceEach(t, "{V}", () -> pick(verbs)))
                .transform(t -> replaceEach(t, "{D}", () -> String.valueOf(1 + random.nextInt(12))));
    }

    private static String replaceEach(String text, String slot, java.util.function.Supplier<String> value) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (int at = text.indexOf(slot); at >= 0; at = text.indexOf(slot, from)) {
            out.append(text, from, at).append(value.get());
            from = at + slot.length();
        }
        return out.append(text.substring(from)).toString();
    }

    private String pick(String[] choices) {
        return choices[random.nextInt(choices.length)];
    }

    private String pick(List<String> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    /** A word with a Zipf-like skew (rank r drawn with weight about 1/r): a few words in most articles. */
    private String zipf(List<String> choices) {
        int index = (int) Math.floor(Math.pow(choices.size() + 1, random.nextDouble())) - 1;
        return choices.get(Math.min(Math.max(index, 0), choices.size() - 1));
    }

    private String katakanaName() {
        StringBuilder name = new StringBuilder();
        for (int i = 3 + random.nextInt(3); i > 0; i--) {
            name.append(KANA[random.nextInt(KANA.length)]);
        }
        return name.toString();
    }

    private String latinName() {
        StringBuilder name = new StringBuilder();
        for (int i = 2 + random.nextInt(2); i > 0; i--) {
            name.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static String yaml(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}

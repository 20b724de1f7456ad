package dev.kotae.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Writes a synthetic help center of Markdown articles with front matter: 60% Japanese, 40% English,
 * FAQs with {@code questions:} and internal playbooks, about twenty categories per language, tags, and
 * bodies from a few sentences to a few thousand characters with headings and lists.
 *
 * <p>Words are drawn from support-desk vocabularies with a Zipf-like skew (a few words appear in most
 * articles, most in few), and every article names one of many made-up products, so the index has both
 * long posting lists and a long tail, as a real help center does. The same seed gives the same files.
 */
final class SyntheticHelpCenter {

    /** One generated article, as written (for the plain-Lucene baseline and the query sets). */
    record Article(String id, String locale, String category, String path, String title, List<String> questions,
            String body, boolean internal) {}

    static final long SEED = 20261122L;

    private static final String[] JA_NOUNS = {"注文", "返金", "配送", "送料", "会員", "ポイント", "クーポン", "支払い",
        "クレジットカード", "請求書", "領収書", "住所", "電話番号", "メールアドレス", "パスワード", "アカウント", "ログイン",
        "解約", "退会", "予約", "在庫", "商品", "交換", "返品", "保証", "修理", "設定", "通知", "配達日", "問い合わせ",
        "窓口", "店舗", "アプリ", "スマートフォン", "パソコン", "ブラウザ", "画面", "ボタン", "マイページ", "履歴", "明細",
        "手数料", "割引", "セール", "定期便", "ギフト", "ラッピング", "名義", "本人確認", "書類", "期限", "キャンセル",
        "利用規約", "個人情報", "二段階認証", "エラー", "障害", "メンテナンス", "不具合", "料金", "プラン", "契約",
        "自動更新", "口座振替", "コンビニ払い", "後払い", "分割払い", "銀行振込", "配送業者", "追跡番号", "置き配",
        "再配達", "梱包", "破損", "初期不良", "取扱説明書", "部品", "電池", "充電", "接続", "同期", "バックアップ",
        "データ", "容量", "ダウンロード", "インストール", "アップデート", "バージョン", "ライセンス", "年会費", "特典",
        "ランク", "招待", "紹介コード", "法人", "見積もり", "納期", "発送", "海外", "関税", "消費税", "インボイス",
        "着払い", "引き取り", "訪問", "時間帯", "営業時間", "チャット", "担当者", "確認メール", "カート", "お気に入り"};
    private static final String[] JA_VERBS = {"変更", "確認", "登録", "解除", "申請", "取り消し", "追加", "削除", "設定",
        "再発行", "受け取り", "返品", "交換", "更新", "停止", "再開", "利用", "入力", "選択", "連絡", "予約", "注文",
        "支払い", "発行", "承認"};
    private static final String[] JA_BODY = {"{N}の{V}は、{N}から行えます。", "{N}を{V}する場合は、{N}の画面で{N}を選んでください。",
        "{P}をご利用のお客様は、{N}の{V}が必要です。", "{N}が表示されない場合は、{N}を確認してください。",
        "通常、{N}から{D}営業日以内に{N}を{V}します。", "{N}と{N}は同時に{V}できません。",
        "{P}の{N}については、{N}までお問い合わせください。", "なお、{N}の{V}には{N}がかかる場合があります。",
        "{N}は{D}回まで{V}できます。", "ご不明な点は{N}にご連絡ください。", "{P}では{N}の{V}に対応しています。",
        "{N}の{V}が完了すると、{N}が届きます。", "{N}を{V}したあとで{N}を{V}することはできません。",
        "{D}月以降、{N}の{V}方法が変わりました。", "{N}に{N}が含まれているかどうかは{N}でご確認いただけます。"};
    private static final String[] JA_TITLES = {"{P}の{N}を{V}する方法", "{N}の{V}について", "{N}が{V}できない場合",
        "{P}：{N}と{N}の違い", "{N}の{V}にかかる日数", "{P}で{N}を{V}したい"};
    private static final String[] JA_QUESTIONS = {"{N}を{V}したい", "{N}の{V}はどうすればいいですか", "{P}の{N}が{V}できません",
        "{N}はいつ{V}されますか", "{N}の{V}に{N}は必要ですか"};

    private static final String[] EN_NOUNS = {"order", "refund", "delivery", "shipping fee", "account", "password",
        "email address", "phone number", "invoice", "receipt", "payment", "credit card", "subscription", "plan", "coupon",
        "points", "membership", "warranty", "repair", "return", "exchange", "package", "tracking number", "address",
        "app", "browser", "login", "notification", "setting", "profile", "gift card", "discount", "tax", "customs",
        "courier", "store", "item", "size", "battery", "charger", "device", "firmware", "update", "backup", "data",
        "storage", "license", "download", "bill", "statement", "bank transfer", "installment", "cancellation",
        "reservation", "appointment", "pickup", "support ticket", "live chat", "agent", "two-factor authentication",
        "security code", "error message", "outage", "maintenance", "company account", "quote", "bulk order", "voucher",
        "loyalty tier", "referral code", "wishlist", "cart", "checkout", "confirmation email", "newsletter", "privacy",
        "personal data", "deletion", "business hours", "delivery slot"};
    private static final String[] EN_VERBS = {"change", "cancel", "update", "reset", "verify", "track", "return",
        "exchange", "download", "install", "renew", "pause", "resume", "add", "remove", "transfer", "redeem", "apply",
        "confirm", "recover", "link", "close", "reopen", "upgrade", "downgrade"};
    private static final String[] EN_BODY = {"You can {V} your {N} from the {N} page.",
        "If your {N} does not appear, check your {N} first.",
        "Customers using {P} must {V} the {N} before the {N} is processed.",
        "It usually takes {D} business days to {V} a {N}.", "You cannot {V} a {N} and a {N} at the same time.",
        "To {V} your {N}, open the {N} settings and select {N}.", "Contact our {N} team if the {N} still fails.",
        "Fees for {N} depend on your {N} and your {N}.", "{P} supports {N}, {N} and {N}.",
        "We send a {N} when your {N} is ready.", "Since version {D}, {P} lets you {V} the {N} yourself.",
        "A {N} cannot be used to {V} a {N}.", "Please keep your {N} until the {N} has arrived."};
    private static final String[] EN_TITLES = {"How to {V} your {N}", "{P}: {V} a {N}", "Why can't I {V} my {N}?",
        "{N} and {N} explained", "{P} {N} questions", "{V} a {N} on {P}"};
    private static final String[] EN_QUESTIONS = {"how do I {V} my {N}", "can I {V} a {N} after the {N}",
        "{N} not working on {P}", "where is my {N}", "why does my {N} need a {N}"};

    private static final String[] JA_KANA = {"ア", "イ", "カ", "キ", "ク", "サ", "シ", "ス", "タ", "ト", "ナ", "ニ", "ハ",
        "フ", "マ", "ミ", "ラ", "リ", "ル", "ロ", "ワ", "ン", "ガ", "ゼ", "ド", "ボ", "パ", "ピ"};
    private static final String[] EN_SYLLABLES = {"zo", "vex", "li", "ma", "tron", "qu", "ra", "ne", "ko", "sa", "ti",
        "lo", "fen", "dar", "mi", "xo", "bel", "gar", "nu", "pi"};

    private final int articles;
    private final SplittableRandom random = new SplittableRandom(SEED);
    private final List<String> jaProducts = new ArrayList<>();
    private final List<String> enProducts = new ArrayList<>();
    private final List<String> jaCategories = new ArrayList<>();
    private final List<String> enCategories = new ArrayList<>();

    SyntheticHelpCenter(int articles) {
        this.articles = articles;
        int products = Math.max(50, articles / 20);
        for (int i = 0; i < products; i++) {
            jaProducts.add(katakanaName());
            enProducts.add(latinName());
        }
        for (int i = 0; i < 20; i++) {
            jaCategories.add(JA_NOUNS[i * 5 % JA_NOUNS.length]);
            enCategories.add(EN_NOUNS[i * 3 % EN_NOUNS.length]);
        }
    }

    /** Writes the articles under {@code root} ({@code locale/category/id.md}), handing each to {@code sink}. */
    void writeTo(Path root, Consumer<Article> sink) throws IOException {
        for (int n = 0; n < articles; n++) {
            Article article = next(n);
            Path file = root.resolve(article.path());
            Files.createDirectories(file.getParent());
            Files.writeString(file, markdown(article, n), StandardCharsets.UTF_8);
            sink.accept(article);
        }
    }

    /** The made-up product names of one language, most used first. */
    List<String> products(String locale) {
        return locale.equals("ja") ? jaProducts : enProducts;
    }

    /** A search as a visitor types it, in the language of the help-center page it comes from. */
    record Query(String text, String locale) {}

    /**
     * Searches in the mix a help center sees: two topic words, a question as typed, a product and a topic,
     * or one word. Drawn from the same vocabularies, with their own seed, so they match like real ones.
     */
    List<Query> searchQueries(int count) {
        return searchQueries(count, SEED + 1);
    }

    /**
     * One day's searches in the order visitors send them, from the same mix as {@link #searchQueries(int)}
     * (so popular words repeat as often as that mix makes them, about half of 50,000 searches repeat an
     * earlier one), each day with its own seed.
     */
    List<Query> queryLog(int count, int day) {
        return searchQueries(count, SEED + 100 + day);
    }

    private List<Query> searchQueries(int count, long seed) {
        SplittableRandom queries = new SplittableRandom(seed);
        List<Query> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Language lang = queries.nextInt(10) < 6 ? Language.JA : Language.EN;
            String product = products(lang.locale).get(queries.nextInt(products(lang.locale).size()));
            int kind = queries.nextInt(100);
            String space = lang == Language.JA ? "　" : " ";
            String text;
            if (kind < 40) {
                text = zipf(lang.nouns, queries) + space + zipf(lang.nouns, queries);
            } else if (kind < 70) {
                text = fill(lang.questions[queries.nextInt(lang.questions.length)], lang, product, queries);
            } else if (kind < 90) {
                text = product + space + zipf(lang.nouns, queries);
            } else {
                text = zipf(lang.nouns, queries);
            }
            list.add(new Query(text, lang.locale));
        }
        return list;
    }

    /** What is in the search box while someone types: the first characters of a word or a question. */
    List<Query> suggestInputs(int count) {
        SplittableRandom inputs = new SplittableRandom(SEED + 2);
        String[] kana = {"へんき", "はいそう", "ちゅうもん", "くーぽ", "ぱすわ", "かいい", "ぽいん", "しはら", "りょうしゅ", "かいや"};
        List<Query> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Language lang = inputs.nextInt(10) < 6 ? Language.JA : Language.EN;
            String text;
            if (lang == Language.JA && inputs.nextInt(3) == 0) {
                text = kana[inputs.nextInt(kana.length)];
            } else {
                String phrase = inputs.nextBoolean() ? zipf(lang.nouns, inputs)
                        : fill(lang.questions[inputs.nextInt(lang.questions.length)], lang, zipf(products(lang.locale), inputs), inputs);
                int typed = lang == Language.JA ? 1 + inputs.nextInt(4) : 2 + inputs.nextInt(8);
                text = phrase.substring(0, Math.min(typed, phrase.length())).strip();
            }
            list.add(new Query(text, lang.locale));
        }
        return list;
    }

    private Article next(int n) {
        boolean ja = random.nextInt(10) < 6;
        Language lang = ja ? Language.JA : Language.EN;
        String product = zipf(products(lang.locale), random);
        boolean playbook = random.nextInt(100) < 12;
        boolean internal = playbook || random.nextInt(100) < 5;
        String title = fill(pick(lang.titles), lang, product, random);
        List<String> questions = new ArrayList<>();
        if (!playbook) {
            int count = random.nextInt(4);
            for (int i = 0; i < count; i++) {
                questions.add(fill(pick(lang.questions), lang, product, random));
            }
        }
        StringBuilder body = new StringBuilder();
        int sentences = 3 + (int) Math.round(Math.exp(random.nextDouble() * Math.log(40))); // 4..43, mostly short
        for (int i = 0; i < sentences; i++) {
            if (i > 0 && i % 6 == 0) {
                body.append("\n\n## ").append(fill(pick(lang.titles), lang, product, random)).append("\n\n");
            } else if (i > 0 && i % 9 == 4) {
                body.append("\n\n- ").append(fill(pick(lang.body), lang, product, random))
                        .append("\n- ").append(fill(pick(lang.body), lang, product, random)).append("\n\n");
            }
            body.append(fill(pick(lang.body), lang, product, random)).append(lang == Language.JA ? "" : " ");
        }
        String id = String.format(Locale.ROOT, "a%06d", n);
        List<String> categories = ja ? jaCategories : enCategories;
        String category = zipf(categories, random);
        String path = lang.locale + "/c" + categories.indexOf(category) + "/" + id + ".md";
        return new Article(id, lang.locale, category, path, title, questions, body.toString().strip(), internal);
    }

    private String markdown(Article article, int n) {
        Language lang = article.locale().equals("ja") ? Language.JA : Language.EN;
        StringBuilder md = new StringBuilder("---\n");
        md.append("id: ").append(article.id()).append('\n');
        md.append("title: ").append(yaml(article.title())).append('\n');
        md.append("type: ").append(article.internal() && article.questions().isEmpty() ? "playbook" : "faq").append('\n');
        md.append("visibility: ").append(article.internal() ? "internal" : "public").append('\n');
        md.append("locale: ").append(article.locale()).append('\n');
        md.append("category: ").append(yaml(article.category())).append('\n');
        md.append("tags: [");
        int tags = 1 + random.nextInt(4);
        for (int i = 0; i < tags; i++) {
            md.append(i == 0 ? "" : ", ").append(yaml(zipf(lang.nouns, random)));
        }
        md.append("]\n");
        if (!article.questions().isEmpty()) {
            md.append("questions:\n");
            article.questions().forEach(q -> md.append("  - ").append(yaml(q)).append('\n'));
        }
        md.append("updated: ").append(LocalDate.of(2024, 1, 1).plusDays(n * 7L % 1000)).append('\n');
        md.append("---\n").append(article.body()).append('\n');
        return md.toString();
    }

    private static String yaml(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private enum Language {
        JA("ja", JA_NOUNS, JA_VERBS, JA_BODY, JA_TITLES, JA_QUESTIONS),
        EN("en", EN_NOUNS, EN_VERBS, EN_BODY, EN_TITLES, EN_QUESTIONS);

        final String locale;
        final List<String> nouns;
        final List<String> verbs;
        final String[] body;
        final String[] titles;
        final String[] questions;

        Language(String locale, String[] nouns, String[] verbs, String[] body, String[] titles, String[] questions) {
            this.locale = locale;
            this.nouns = List.of(nouns);
            this.verbs = List.of(verbs);
            this.body = body;
            this.titles = titles;
            this.questions = questions;
        }
    }

    /** A template with its slots filled: {N} noun, {V} verb, {P} the article's product, {D} a number. */
    private static String fill(String template, Language lang, String product, SplittableRandom random) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            if (template.charAt(i) == '{' && i + 2 < template.length() && template.charAt(i + 2) == '}') {
                char slot = template.charAt(i + 1);
                out.append(switch (slot) {
                    case 'N' -> zipf(lang.nouns, random);
                    case 'V' -> zipf(lang.verbs, random);
                    case 'P' -> product;
                    default -> String.valueOf(1 + random.nextInt(12));
                });
                i += 3;
            } else {
                out.append(template.charAt(i++));
            }
        }
        String text = out.toString();
        return lang == Language.EN ? Character.toUpperCase(text.charAt(0)) + text.substring(1) : text;
    }

    private String pick(String[] choices) {
        return choices[random.nextInt(choices.length)];
    }

    /** An element with a Zipf-like skew (rank r drawn with weight about 1/r). */
    private static <T> T zipf(List<T> choices, SplittableRandom random) {
        double u = random.nextDouble();
        int index = (int) Math.floor(Math.pow(choices.size() + 1, u)) - 1;
        return choices.get(Math.min(Math.max(index, 0), choices.size() - 1));
    }

    private String katakanaName() {
        StringBuilder name = new StringBuilder();
        int length = 3 + random.nextInt(3);
        for (int i = 0; i < length; i++) {
            name.append(JA_KANA[random.nextInt(JA_KANA.length)]);
        }
        return name.toString();
    }

    private String latinName() {
        StringBuilder name = new StringBuilder();
        int length = 2 + random.nextInt(2);
        for (int i = 0; i < length; i++) {
            name.append(EN_SYLLABLES[random.nextInt(EN_SYLLABLES.length)]);
        }
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}

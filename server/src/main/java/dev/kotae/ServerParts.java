package dev.kotae;

import dev.kotae.analytics.AnalyticsDatabase;
import dev.kotae.analytics.AnalyticsReports;
import dev.kotae.analytics.ClickLedger;
import dev.kotae.analytics.ClientAddresses;
import dev.kotae.analytics.EventBus;
import dev.kotae.analytics.EventJournal;
import dev.kotae.analytics.EventThrottle;
import dev.kotae.analytics.JournalShipper;
import dev.kotae.analytics.LossCounters;
import dev.kotae.analytics.PageViews;
import dev.kotae.analytics.RecentEvents;
import dev.kotae.analytics.RetentionPurge;
import dev.kotae.analytics.digest.DigestService;
import dev.kotae.auth.AccountStore;
import dev.kotae.auth.Accounts;
import dev.kotae.auth.AgentSessions;
import dev.kotae.auth.DeviceCookies;
import dev.kotae.auth.PasswordHasher;
import dev.kotae.auth.PasswordSignIn;
import dev.kotae.auth.SignInThrottle;
import dev.kotae.auth.SigningKey;
import dev.kotae.auth.TokenAuthenticator;
import dev.kotae.config.KotaeConfig;
import dev.kotae.config.SiteConfig;
import dev.kotae.contact.ContactBackup;
import dev.kotae.contact.ContactDesk;
import dev.kotae.contact.ContactDestinations;
import dev.kotae.contact.ContactQueue;
import dev.kotae.contact.ContactSender;
import dev.kotae.content.ArticleParser;
import dev.kotae.content.ContentFolder;
import dev.kotae.content.MarkdownRenderer;
import dev.kotae.content.Visibility;
import dev.kotae.editing.ArticleEditor;
import dev.kotae.editing.ImageStore;
import dev.kotae.editing.PublishScheduler;
import dev.kotae.feedback.DatabaseFeedbackStore;
import dev.kotae.feedback.FeedbackStore;
import dev.kotae.feedback.FileFeedbackStore;
import dev.kotae.feedback.Votes;
import dev.kotae.http.CsrfTokens;
import dev.kotae.index.Analysis;
import dev.kotae.index.ArticleDocuments;
import dev.kotae.index.ArticleIndex;
import dev.kotae.index.ContentSync;
import dev.kotae.index.IndexDirectories;
import dev.kotae.index.IndexRecovery;
import dev.kotae.index.LearnedIndexing;
import dev.kotae.index.LearnedPhrasings;
import dev.kotae.index.SuggestKeys;
import dev.kotae.learning.Evidence;
import dev.kotae.learning.LearnedSink;
import dev.kotae.learning.evidence.LearningService;
import dev.kotae.learning.evidence.Moderation;
import dev.kotae.metrics.KotaeMetrics;
import dev.kotae.plugins.PluginHost;
import dev.kotae.plugins.PublicHelpCenter;
import dev.kotae.plugins.SourceArticles;
import dev.kotae.plugins.SourceSync;
import dev.kotae.plugins.TimeBox;
import dev.kotae.search.ArticleService;
import dev.kotae.search.Audience;
import dev.kotae.search.CategoryService;
import dev.kotae.search.Locales;
import dev.kotae.search.SearchService;
import dev.kotae.search.SuggestService;
import dev.kotae.search.TrackedSearch;
import dev.kotae.site.AnalyticsPages;
import dev.kotae.site.AuditPages;
import dev.kotae.site.ContactAdminPages;
import dev.kotae.site.ContactPages;
import dev.kotae.site.DeletePages;
import dev.kotae.site.EditorPages;
import dev.kotae.site.HelpCenterPages;
import dev.kotae.site.HistoryPages;
import dev.kotae.site.LearningPages;
import dev.kotae.site.Messages;
import dev.kotae.site.SearchEngineFiles;
import dev.kotae.site.SignInPages;
import dev.kotae.site.Site;
import dev.kotae.site.SiteAssets;
import dev.kotae.synonyms.SynonymsFile;
import dev.kotae.util.Closer;
import dev.kotae.util.DaemonThreads;
import dev.kotae.web.AdminResource;
import dev.kotae.web.AnalyticsResource;
import dev.kotae.web.ArticleCreateResource;
import dev.kotae.web.ArticleHistoryResource;
import dev.kotae.web.ArticleResource;
import dev.kotae.web.ArticleWriteResource;
import dev.kotae.web.AuditResource;
import dev.kotae.web.ContactAdminResource;
import dev.kotae.web.CategoryResource;
import dev.kotae.web.DraftResource;
import dev.kotae.web.EventResource;
import dev.kotae.web.HttpServer;
import dev.kotae.web.LearningResource;
import dev.kotae.web.MediaFileResource;
import dev.kotae.web.MediaResource;
import dev.kotae.web.OpsResource;
import dev.kotae.web.Readiness;
import dev.kotae.web.SearchResource;
import dev.kotae.web.WidgetAssetResource;
import dev.kotae.web.WidgetResource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * The parts of a Kotae server built from a {@link KotaeConfig} and wired together; the single place
 * where they meet. Every part that holds something open is registered with one {@link Closer} as soon as
 * it is built, so a failure part way through releases what was opened before it (above all the index's
 * write lock, or a retry in the same JVM finds the data folder "in use"), and {@link #close()} shuts the
 * parts down in the reverse order of building: HTTP first (no new requests), the index and its analysis
 * last. Nothing here starts serving; {@link StartOrder} does.
 */
final class ServerParts implements AutoCloseable {

    private final Closer closer;
    final KotaeConfig config;
    final KotaeMetrics metrics = new KotaeMetrics();
    final Readiness readiness = new Readiness();
    final IndexedContent content;
    final SearchService search;
    /** Where a new {@link dev.kotae.learning.Learned} is published to: the index, which ranks with it. */
    final LearnedSink learnedSink;
    final SuggestService suggest;
    final PluginHost plugins;
    /** Drafts, review, publishing into the content folder, history and the audit log. */
    final ArticleEditor editor;
    final PublishScheduler scheduledPublishing;
    /** The named accounts of {@code data/accounts.json}, followed as the file changes. */
    final Accounts accounts;
    final AdminOperations admin;
    /** Learns from recorded events what ranking uses; started once the content is synced. */
    final LearningService learning;
    final HttpServer http;

    /** Builds every part, or closes what was built and throws. */
    static ServerParts build(KotaeConfig config, IndexDirectories indexDirectories, Clock signInClock)
            throws IOException {
        Closer closer = new Closer();
        try {
            return new ServerParts(config, indexDirectories, signInClock, closer);
        } catch (Throwable e) {
            closer.closeAfter(e);
            throw e;
        }
    }

    private ServerParts(KotaeConfig config, IndexDirectories indexDirectories, Clock signInClock, Closer closer)
            throws IOException {
        this.closer = closer;
        this.config = config;
        if (!Files.isDirectory(config.content())) {
            throw new IOException("content folder not found: " + config.content().toAbsolutePath()
                    + " (pass --content DIR)");
        }
        ContentFolder folder = new ContentFolder(config.content());
        Path data = config.data().toAbsolutePath();
        // Created here, before either opener runs: both would create it, and H2 fails when the folder
        // appears between its own check and its mkdir.
        Files.createDirectories(data);
        // Read before anything is opened, so a bad secret file stops start-up with nothing to release.
        SigningKey signing = SigningKey.load(config.site().sessionSecret(), data);
        PasswordHasher passwordHasher = new PasswordHasher();
        this.accounts = Accounts.open(AccountStore.inDataFolder(data, passwordHasher), config.tokens().stream()
                .map(TokenAuthenticator.Token::name).collect(Collectors.toSet()));
        Analysis analysis = closer.add(new Analysis());
        SuggestKeys suggestKeys = closer.add(new SuggestKeys());
        // The analytics database (connection pool, schema migrations) opens beside the index, on a thread of
        // its own: nothing is shared between the two openings.
        CompletableFuture<AnalyticsDatabase> analyticsOpening = openInBackground(config, data);
        closer.add(() -> analyticsOpening.thenAccept(AnalyticsDatabase::close)); // once it is open, whenever that is
        LearnedPhrasings learnedPhrasings = new LearnedPhrasings(analysis);
        ArticleIndex index = closer.add(openIndex(config, data, analysis, suggestKeys, learnedPhrasings,
                indexDirectories));
        // What learning publishes (issue 28): the articles whose phrasings changed are indexed again.
        this.learnedSink = new LearnedIndexing(index, learnedPhrasings);
        MarkdownRenderer markdown = new MarkdownRenderer();
        ArticleParser parser = new ArticleParser(markdown, new HashSet<>(config.locales()), config.defaultLocale());
        ContentSync sync = new ContentSync(folder, parser, index);

        AnalyticsDatabase database = opened(analyticsOpening);
        // Votes stay in a file of this server's own, unless a shared database is configured: then they live
        // there, and every replica sees every vote.
        FeedbackStore feedback = closer.add(config.analytics().jdbcUrl() == null
                ? new FileFeedbackStore(data.resolve("feedback.jsonl")) : new DatabaseFeedbackStore(database));
        // Events are journaled before they are acknowledged, and shipped from the journal to the database.
        Path journalFolder = data.resolve("analytics-journal");
        Files.createDirectories(journalFolder);
        LossCounters analyticsLosses = LossCounters.load(journalFolder.resolve("losses.properties"));
        EventJournal journal = closer.add(EventJournal.open(journalFolder,
                config.analytics().journalMaxMb() * 1024 * 1024, config.analytics().journalFsync(), analyticsLosses));
        JournalShipper shipper = closer.add(
                new JournalShipper(journal, database, analyticsLosses, metrics, Duration.ofSeconds(60)));
        EventBus events = new EventBus(metrics);
        events.journalTo(journal);
        shipper.start();
        closer.add(new RetentionPurge(database, config.analytics().retention(), Clock.systemUTC())).start();

        Locales locales = new Locales(new HashSet<>(config.locales()), audience -> indexedLocales(index, audience));
        SynonymsFile synonyms = new SynonymsFile(folder, analysis);
        this.search = new SearchService(index, analysis, locales, config.search().cacheBytes(),
                config.search().ranking(), config.search().warmMillis(), synonyms::current);
        index.warmNewVersionsWith(search::warm);
        this.suggest = new SuggestService(index, suggestKeys, search, locales);
        ArticleService articles = new ArticleService(index, analysis);
        CategoryService categories = new CategoryService(search);
        TimeBox timeBox = closer.add(new TimeBox(config.plugins().timeout()));
        SourceSync sources = closer.add(new SourceSync(index, new SourceArticles(markdown,
                new HashSet<>(config.locales()), config.defaultLocale()), timeBox, metrics));
        this.content = new IndexedContent(folder, sync, sources, index, synonyms, metrics);
        PublicHelpCenter publicHelpCenter = new PublicHelpCenter(search, suggest, articles,
                config.site().imageSources());
        this.plugins = closer.add(new PluginHost(config.plugins(), data.resolve("plugins"), publicHelpCenter, events,
                sources, timeBox, metrics));
        // Closed before the plugins: no refresh may call a plugin that is being unloaded.
        closer.add(sources::stopRefreshing);
        // Closed before the plugins and the journal: what is queued is delivered to them first.
        closer.add(events);
        RecentEvents recentEvents = new RecentEvents();
        events.keepLatestIn(recentEvents);
        // Reopens the index writer after a failed write and resyncs what was lost.
        closer.add(new IndexRecovery(index, content::resyncAfterIndexFailure));

        AgentSessions agentSessions = new AgentSessions(config.site().agentSession(), signing, config.tokens(),
                accounts, Clock.systemUTC());
        // One allowance per address for wrong tokens and wrong passwords together; another per account name
        // (or per device cookie, for a browser that signed in as that person before).
        SignInThrottle perAddress = SignInThrottle.measuredBy(signInClock);
        PasswordSignIn passwordSignIn = new PasswordSignIn(accounts, passwordHasher, perAddress,
                SignInThrottle.measuredBy(signInClock), new DeviceCookies(signing, signInClock));
        TokenAuthenticator tokens = new TokenAuthenticator(config.tokens(), perAddress);
        CsrfTokens csrf = new CsrfTokens(signing);
        // The pages show times in the help center's zone, whichever setting (or default) named it.
        SiteConfig siteConfig = config.site().withTimeZone(config.zone());
        // The contact page, when on, is where "contact us" goes unless the site names another address.
        Site site = new Site(config.contact().enabled() && siteConfig.contactUrl() == null
                ? siteConfig.withContactUrl("/contact") : siteConfig, config.defaultLocale(), csrf, agentSessions);
        ClickLedger clicks = new ClickLedger();
        ImageStore images = new ImageStore(folder.root(), config.editor().maxImageBytes(), Clock.systemUTC());
        this.editor = closer.add(new ArticleEditor(new ArticleEditor.Setup(folder, parser, config.defaultLocale(), data,
                id -> articles.article(id, Audience.AGENTS), images, config.editor().reviewRequired(),
                authorEmails(accounts, ArticleEditor.emailsAt(config.editor().authorEmailDomain())),
                Clock.system(config.zone()), config.editor().history()))); // an article's updated date is the team's day
        this.scheduledPublishing = closer.add(new PublishScheduler(editor, Duration.ofSeconds(15),
                DaemonThreads.named("kotae-scheduled-publish")));
        this.admin = new AdminOperations(content, search, readiness, feedback, database, journal, shipper,
                analyticsLosses, plugins);

        // What was learned from customers goes to the index, which re-indexes the articles it changed.
        this.learning = closer.add(new LearningService(database, config.learning(), learnedSink,
                id -> articles.article(id, Audience.AGENTS).map(article -> article.visibility() == Visibility.PUBLIC
                        ? Evidence.Scope.PUBLIC : Evidence.Scope.AGENTS),
                shipper::awaitDelivered, Clock.systemUTC()));
        // Agents' decisions; "always" writes the question into the article through the editor.
        Moderation moderation = new Moderation(learning, editor, config.editor().reviewRequired());
        // Client addresses are kept only as keyed hashes, under a key of their own from the signing secret.
        ClientAddresses addresses = new ClientAddresses(signing.derive("client-address"));
        TrackedSearch trackedSearch = new TrackedSearch(search, metrics, events, clicks);
        Votes votes = new Votes(feedback, metrics, events);
        PageViews pageViews = new PageViews(events, Clock.systemUTC());
        AnalyticsReports reports = new AnalyticsReports(database);
        // Contact requests wait in the analytics database until every destination took them (issue 29).
        // Each is also kept in a local file, as H2 can take back a commit it acknowledged when killed.
        ContactQueue contactQueue = new ContactQueue(database);
        ContactBackup contactBackup = new ContactBackup(data.resolve("contact-backup"), Clock.systemUTC());
        ContactSender contactSender = closer.add(new ContactSender(contactQueue, contactBackup,
                ContactDestinations.build(config.contact()), Clock.systemUTC()));
        ContactDesk contactDesk = new ContactDesk(config.contact(), contactQueue, contactBackup, contactSender,
                Clock.systemUTC());
        contactSender.start();
        // Reports count days and weeks, and the digest is posted, in the help center's time zone.
        ZoneId analyticsZone = config.reportsZone();
        DigestService digest = closer.add(new DigestService(reports, database.dataSource(), config.analytics().digest(),
                analyticsZone, Messages.of(config.defaultLocale())::text, Clock.systemUTC()));
        digest.start();
        List<Object> resources = List.of(
                new SearchResource(trackedSearch, suggest, metrics, addresses),
                new ArticleResource(articles, votes, addresses),
                new CategoryResource(categories),
                new AdminResource(admin, feedback, recentEvents),
                new OpsResource(readiness, metrics),
                new EventResource(events, plugins, new EventThrottle(config.analytics().eventsPerMinute()), clicks,
                        addresses, contactDesk::knowsWidget),
                new ContactAdminResource(contactDesk),
                new LearningResource(learning, moderation),
                new AnalyticsResource(reports, analyticsZone, digest),
                new WidgetResource(plugins),
                new WidgetAssetResource(plugins),
                new DraftResource(editor),
                new ArticleCreateResource(editor),
                new ArticleWriteResource(editor),
                new ArticleHistoryResource(editor),
                new MediaResource(editor, images),
                new MediaFileResource(images, articles),
                new AuditResource(editor),
                new HelpCenterPages(site, trackedSearch, search, categories, articles, votes, pageViews, addresses),
                new SignInPages(site, tokens, passwordSignIn),
                new SearchEngineFiles(site, articles),
                new AnalyticsPages(site, reports, articles, analyticsZone, digest, config.contact()),
                new EditorPages(site, editor, categories, articles, search),
                new HistoryPages(site, editor),
                new DeletePages(site, editor),
                new AuditPages(site, editor),
                new LearningPages(site, learning, moderation, reports, articles),
                new ContactPages(site, contactDesk, publicHelpCenter, events, addresses),
                new ContactAdminPages(site, contactDesk),
                new SiteAssets(site));
        int searchConcurrency = config.search().concurrencyOn(Runtime.getRuntime().availableProcessors());
        this.http = closer.add(new HttpServer(config.host(), config.port(), searchConcurrency, config.server(),
                config.editor(), site.imageSources(), new HttpServer.Authentication(tokens, agentSessions, csrf), metrics,
                resources,
                site.providers()));
        ServerFigures.register(metrics, content, search, readiness, analyticsLosses, journal, shipper);
    }

    private static CompletableFuture<AnalyticsDatabase> openInBackground(KotaeConfig config, Path data) {
        CompletableFuture<AnalyticsDatabase> opening = new CompletableFuture<>();
        new Thread(() -> {
            try {
                opening.complete(AnalyticsDatabase.open(config.analytics(), data));
            } catch (Throwable e) {
                opening.completeExceptionally(e);
            }
        }, "kotae-analytics-open").start();
        return opening;
    }

    private static AnalyticsDatabase opened(CompletableFuture<AnalyticsDatabase> opening) throws IOException {
        try {
            return opening.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof SQLException cause) {
                throw new IOException(cause.getMessage(), cause);
            }
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static ArticleIndex openIndex(KotaeConfig config, Path data, Analysis analysis, SuggestKeys suggestKeys,
            LearnedPhrasings learned, IndexDirectories indexDirectories) throws IOException {
        try {
            return ArticleIndex.open(data.resolve("index"), analysis, new ArticleDocuments(suggestKeys, learned),
                    "locale=" + config.defaultLocale() + ";locales=" + config.locales(), indexDirectories);
        } catch (LockObtainFailedException e) {
            throw new IOException("data folder " + data + " is in use by another Kotae server", e);
        }
    }

    /**
     * The e-mail address a git commit by this person is authored with: the account's own, else one made up
     * from the name under {@code editor.authorEmailDomain} (token holders, accounts without an address).
     */
    private static Function<String, String> authorEmails(Accounts accounts, Function<String, String> otherwise) {
        return name -> accounts.email(name).orElseGet(() -> otherwise.apply(name));
    }

    private static Set<String> indexedLocales(ArticleIndex index, Audience audience) {
        try {
            return audience == Audience.PUBLIC ? index.publicLocales() : index.locales();
        } catch (IOException e) {
            return Set.of();
        }
    }

    /** Closes every part, last built first. */
    @Override
    public void close() throws Exception {
        closer.close();
    }
}

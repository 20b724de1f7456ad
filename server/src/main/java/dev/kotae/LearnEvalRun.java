package dev.kotae;

import dev.kotae.auth.Role;
import dev.kotae.auth.TokenAuthenticator;
import dev.kotae.config.ConfigLoader;
import dev.kotae.config.KotaeConfig;
import dev.kotae.learning.LearningMode;
import dev.kotae.relevance.FaqBenchmark;
import dev.kotae.relevance.LearningEvaluation;
import dev.kotae.relevance.RelevanceEvaluation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A benchmark's learning measured on a whole server ({@link LearningEvaluation}): the FAQs are written
 * as articles into a scratch folder, a server is started over them on 127.0.0.1 (any free port, its
 * index and analytics database in the same scratch folder, deleted afterwards) and the evaluation talks
 * to it over HTTP. For {@code kotae eval --learn} and its regression test.
 *
 * <p>The server is configured as a help center in production would be behind a proxy: it trusts
 * {@code X-Forwarded-For} from 127.0.0.1 (so each simulated visitor has an address of its own), takes
 * {@value #EVENTS_PER_MINUTE} events a minute per address (the replay is faster than people), learns
 * automatically, and only when asked to (see {@link #LEARNING_INTERVAL}), and has one admin token, random
 * for each run, for the learning admin API.
 */
public final class LearnEvalRun {

    static final int EVENTS_PER_MINUTE = 100_000;
    /**
     * Learning in the background only once a day, so that only the evaluation's own learning calls learn:
     * the results the replayed visitors are shown, and so their clicks, do not depend on timing.
     */
    static final Duration LEARNING_INTERVAL = Duration.ofDays(1);

    private LearnEvalRun() {}

    /** Runs the learning evaluation on {@code benchmark}, writing its TREC runs to {@code runs}. */
    public static LearningEvaluation.Result run(FaqBenchmark benchmark, LearningEvaluation.Options options, Path runs)
            throws Exception {
        Path work = Files.createTempDirectory("kotae-learn-eval-");
        try {
            Path content = work.resolve("content");
            RelevanceEvaluation.writeArticles(benchmark, content);
            byte[] random = new byte[16];
            new SecureRandom().nextBytes(random);
            String token = HexFormat.of().formatHex(random);
            try (KotaeApp app = start(work, content, token)) {
                return LearningEvaluation.run(benchmark, app.uri(), token, options, runs);
            }
        } finally {
            TypingEvalRun.deleteTree(work);
        }
    }

    /**
     * Starts a server configured for the evaluation over {@code content}, with its data under {@code work}
     * and {@code adminToken} as its only (admin) token.
     */
    public static KotaeApp start(Path work, Path content, String adminToken) throws Exception {
        return KotaeApp.start(config(work, content, adminToken));
    }

    private static KotaeConfig config(Path work, Path content, String adminToken) throws IOException {
        // An empty file of its own, so that a kotae.yml in the working folder plays no part.
        Path noFile = Files.writeString(work.resolve("kotae.yml"), "");
        KotaeConfig config = ConfigLoader.load(noFile, Map.of());
        return config.withHost("127.0.0.1").withPort(0).withContent(content).withData(work.resolve("data"))
                .withTokens(List.of(new TokenAuthenticator.Token("learn-eval", adminToken, Role.ADMIN)))
                .withServer(config.server().withTrustedProxies(List.of("127.0.0.1")))
                .withAnalytics(config.analytics().withEventsPerMinute(EVENTS_PER_MINUTE))
                .withLearning(config.learning().withMode(LearningMode.AUTOMATIC).withInterval(LEARNING_INTERVAL));
    }
}

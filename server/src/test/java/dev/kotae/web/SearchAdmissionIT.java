package dev.kotae.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.config.PluginsConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Searches beyond one per core wait their turn and are then answered in full; the wait is counted in
 * {@code /metrics}; requests that do not search are never held back behind them.
 */
class SearchAdmissionIT extends SampleServerIT {

    private static final int CLIENTS = 4 * Runtime.getRuntime().availableProcessors();

    @Test
    void searchesBeyondTheCoresWaitAndAreAllAnswered() throws Exception {
        double waitedBefore = waited();
        // Whether a search overlaps others depends on the machine, so rounds go on until one had to wait
        // (one round nearly always does; a fast machine once answered all of one without a wait).
        for (int round = 0; round < 20 && waited() <= waitedBefore; round++) {
            searchFromEveryClientAtOnce(round);
        }
        assertTrue(waited() > waitedBefore, CLIENTS + " clients on " + (CLIENTS / 4) + " cores: some searches waited");
        assertTrue(server.get("/metrics").body().contains("kotae_search_requests_waiting "), "the queue length is exposed");
    }

    /** {@link #CLIENTS} clients at once, each searching (words of its own, so nothing comes from the cache) and suggesting. */
    private void searchFromEveryClientAtOnce(int round) throws Exception {
        List<Future<List<Integer>>> clients = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            for (int c = 0; c < CLIENTS; c++) {
                String client = round + "-" + c;
                clients.add(pool.submit(() -> {
                    List<Integer> statuses = new ArrayList<>();
                    for (int i = 0; i < 25; i++) {
                        statuses.add(server.query("/api/v1/search", null, Map.of("q",
                                "注文をキャンセルして返金してほしいのですがどうすればいいですか refund order " + client + "-" + i))
                                .status());
                        statuses.add(server.query("/api/v1/suggest", null, Map.of("q", "へんき")).status());
                    }
                    return statuses;
                }));
            }
            for (Future<List<Integer>> client : clients) {
                assertEquals(List.of(200), client.get().stream().distinct().toList(), "every request answered");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theLimitIsOnePerCoreUnlessConfigured(@TempDir Path own) throws Exception {
        assertEquals(Runtime.getRuntime().availableProcessors(), server.metric("kotae_search_concurrency"));
        try (KotaeServer one = KotaeServer.configured(own, PluginsConfig.none(),
                config -> config.withSearch(config.search().withConcurrency(1)))) {
            assertEquals(1, one.metric("kotae_search_concurrency"));
            double before = one.metric("kotae_search_requests_waited_total");
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Integer>> searches = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    // Different words each time, so every search is computed rather than answered from the cache.
                    String words = "注文をキャンセルして返金してほしいのですが refund order " + i;
                    searches.add(pool.submit(() -> one.query("/api/v1/search", null, Map.of("q", words)).status()));
                }
                for (Future<Integer> search : searches) {
                    assertEquals(200, search.get());
                }
            } finally {
                pool.shutdownNow();
            }
            assertTrue(one.metric("kotae_search_requests_waited_total") > before,
                    "four clients, one search at a time: some waited");
        }
    }

    @Test
    void requestsThatDoNotSearchAreNotCounted() {
        double before = waited();
        for (int i = 0; i < 20; i++) {
            assertEquals(200, server.get("/readyz").status());
        }
        assertEquals(before, waited(), "health checks never wait for a search slot");
    }

    private static double waited() {
        return server.metric("kotae_search_requests_waited_total");
    }
}

package dev.kotae.alert;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts messages to the webhook on a thread of its own, from a bounded queue, so that neither searching nor
 * the server's event delivery ever waits for the network. A full queue drops the new message (logged).
 *
 * <p>Each message is tried once and then up to {@code retries} more times after a 5xx, a 429 or an I/O error
 * (time-outs included), waiting 1 s, 2 s, 4 s, … between attempts, or what the answer's {@code Retry-After}
 * asks (seconds or an HTTP date), at most {@value #MAX_WAIT_SECONDS} s. Other answers (2xx aside) are the
 * configuration's fault (a 404 for a revoked webhook, a 400 for a bad payload) and are not retried.
 *
 * <p>The transport, the sleeping and the clock are injectable, so tests run the retry logic without a
 * network and without waiting.
 */
final class WebhookSender {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);
    static final long MAX_WAIT_SECONDS = 60;

    /** One HTTP answer: the status and the {@code Retry-After} header, or {@code null}. */
    record Response(int status, String retryAfter) {}

    /** Posts one JSON body. */
    interface Transport {
        Response post(String json) throws IOException, InterruptedException;
    }

    /** Waits between attempts. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Transport transport;
    private final Sleeper sleeper;
    private final Clock clock;
    private final int retries;
    private final Duration firstBackoff;
    private final BlockingQueue<String> queue;
    private final String name;
    private volatile Thread thread;
    private volatile boolean stopped;

    final AtomicLong sent = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong dropped = new AtomicLong();

    WebhookSender(String name, Transport transport, Sleeper sleeper, Clock clock, int retries, Duration firstBackoff,
            int queueSize) {
        this.name = name;
        this.transport = transport;
        this.sleeper = sleeper;
        this.clock = clock;
        this.retries = retries;
        this.firstBackoff = firstBackoff;
        this.queue = new ArrayBlockingQueue<>(queueSize);
    }

    /**
     * The real transport: the JDK's HTTP client, no redirects, {@code timeout} for the whole attempt. The
     * client's own request timeout ends only the wait for the headers, so a webhook that then sent its body
     * a byte a second held the sending thread, and every later alert, for as long as it liked; the attempt
     * is cancelled (its connection closed) once {@code timeout} has passed instead.
     */
    static Transport http(URI url, Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        return json -> {
            HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                    .build();
            CompletableFuture<HttpResponse<Void>> exchange = client.sendAsync(request,
                    HttpResponse.BodyHandlers.discarding());
            HttpResponse<Void> response;
            try {
                response = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                exchange.cancel(true);
                throw new HttpTimeoutException("no whole answer within " + timeout.toSeconds() + " s");
            } catch (InterruptedException e) {
                exchange.cancel(true);
                throw e;
            } catch (ExecutionException e) {
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            }
            return new Response(response.statusCode(), response.headers().firstValue("Retry-After").orElse(null));
        };
    }

    /** Starts the sending thread (a daemon). */
    synchronized void start() {
        Thread t = new Thread(this::run, name + "-sender");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /** Whether the sending thread is alive. */
    boolean running() {
        Thread t = thread;
        return t != null && t.isAlive();
    }

    /** Queues a message; never blocks. {@code false} when the queue is full or the sender stopped. */
    boolean offer(String json) {
        if (stopped || !queue.offer(json)) {
            dropped.incrementAndGet();
            LOG.warn("{}: alert dropped: {}", name, stopped ? "the plugin is stopping" : "the send queue is full");
            return false;
        }
        return true;
    }

    /** Stops the thread, abandoning queued messages; returns within about a second. */
    void stop() {
        stopped = true;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        int left = queue.size();
        queue.clear();
        if (left > 0) {
            LOG.warn("{}: {} alert(s) not sent: the plugin stopped", name, left);
        }
    }

    private void run() {
        try {
            while (!stopped) {
                deliver(queue.take());
            }
        } catch (InterruptedException e) {
            // stop() asked us to end.
        }
    }

    /**
     * Posts one message, retrying as described above.
     *
     * @return whether the webhook accepted it
     */
    boolean deliver(String json) throws InterruptedException {
        Duration backoff = firstBackoff;
        for (int attempt = 1; ; attempt++) {
            String problem;
            Duration wait = backoff;
            try {
                Response response = transport.post(json);
                int status = response.status();
                if (status >= 200 && status < 300) {
                    sent.incrementAndGet();
                    LOG.info("{}: alert posted (HTTP {}, attempt {})", name, status, attempt);
                    return true;
                }
                problem = "HTTP " + status;
                if (status != 429 && status < 500) {
                    failed.incrementAndGet();
                    LOG.warn("{}: the webhook refused the alert with {}; not retrying (check webhookUrl)", name, problem);
                    return false;
                }
                Duration asked = retryAfter(response.retryAfter());
                if (asked != null) {
                    wait = asked;
                }
            } catch (IOException e) {
                problem = e.toString();
            }
            if (attempt > retries) {
                failed.incrementAndGet();
                LOG.warn("{}: gave up posting an alert after {} attempt(s); last: {}", name, attempt, problem);
                return false;
            }
            LOG.info("{}: posting an alert failed ({}); retrying in {} ms", name, problem, wait.toMillis());
            sleeper.sleep(wait);
            backoff = backoff.multipliedBy(2);
        }
    }

    /** {@code Retry-After} as a wait, at most {@value #MAX_WAIT_SECONDS} s; {@code null} when absent or unreadable. */
    Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        Duration wait;
        try {
            wait = Duration.ofSeconds(Long.parseLong(header.strip()));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
                wait = Duration.between(clock.instant(), at.toInstant());
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
        if (wait.isNegative()) {
            return Duration.ZERO;
        }
        return wait.compareTo(Duration.ofSeconds(MAX_WAIT_SECONDS)) > 0 ? Duration.ofSeconds(MAX_WAIT_SECONDS) : wait;
    }
}

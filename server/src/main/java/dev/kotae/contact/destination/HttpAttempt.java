package dev.kotae.contact.destination;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One HTTP call to a destination, bounded in time and memory whatever the other side does. The JDK
 * client's own request timeout ends only the wait for the answer's headers: a destination that then sends
 * its body a byte a second held the one sender thread, and every other destination's deliveries with it,
 * for as long as it liked; and a body read whole could be hundreds of megabytes. Here the whole exchange
 * (connecting, sending, the headers and the body) must end within the timeout, and at most
 * {@link #MAX_BODY} bytes of the answer are kept; the rest is not read.
 */
final class HttpAttempt {

    /**
     * The most of an answer kept. Zendesk's answer to a new ticket echoes the ticket, the customer's text
     * twice over among it, before the ticket id can be read: a few tens of kilobytes at most.
     */
    static final int MAX_BODY = 256 * 1024;

    private HttpAttempt() {}

    /**
     * Sends {@code request} and returns the answer, its body cut to {@link #MAX_BODY} bytes.
     *
     * @throws HttpTimeoutException when the whole exchange took longer than {@code timeout}
     * @throws IOException when it failed otherwise
     */
    static HttpResponse<byte[]> send(HttpClient client, HttpRequest request, Duration timeout)
            throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request, info -> new FirstBytes(MAX_BODY));
        try {
            return exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true); // the JDK client aborts the exchange and closes its connection
            throw new HttpTimeoutException("no whole answer within " + timeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            exchange.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(cause);
        }
    }

    /** The first {@code limit} bytes of a body; then the subscription is cancelled, so no more is read. */
    static final class FirstBytes implements HttpResponse.BodySubscriber<byte[]> {

        private final int limit;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private Flow.Subscription subscription;

        FirstBytes(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                int take = Math.min(buffer.remaining(), limit - kept.size());
                byte[] bytes = new byte[take];
                buffer.get(bytes);
                kept.write(bytes, 0, take);
            }
            if (kept.size() >= limit) {
                subscription.cancel();
                body.complete(kept.toByteArray());
            } else {
                subscription.request(1);
            }
        }

        @Override
        public void onError(Throwable failure) {
            body.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            body.complete(kept.toByteArray());
        }
    }
}

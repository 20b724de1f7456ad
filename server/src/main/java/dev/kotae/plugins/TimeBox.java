package dev.kotae.plugins;

import dev.kotae.util.DaemonThreads;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs calls into plugin code on separate threads with a time limit, with the plugin's class loader as
 * the context class loader. Java cannot kill a stuck thread: a call that times out is interrupted and
 * abandoned on its daemon thread, and the caller is told so (callers then stop calling that extension).
 */
public final class TimeBox implements AutoCloseable {

    private final Duration timeout;
    private final ExecutorService threads = Executors.newCachedThreadPool(DaemonThreads.numbered("kotae-plugin-call-"));

    public TimeBox(Duration timeout) {
        this.timeout = timeout;
    }

    public Duration timeout() {
        return timeout;
    }

    /**
     * Calls {@code body} and waits at most the time limit.
     *
     * @param what the call, for messages: {@code "source csv: articles()"}
     */
    public <T> T call(String what, ClassLoader loader, Callable<T> body) throws PluginCallException {
        Future<T> future = threads.submit(() -> {
            Thread current = Thread.currentThread();
            ClassLoader previous = current.getContextClassLoader();
            current.setContextClassLoader(loader);
            try {
                return body.call();
            } finally {
                current.setContextClassLoader(previous);
            }
        });
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new PluginCallException(what + " did not return within " + describe(timeout), true, null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new PluginCallException(what + " failed: " + cause, false, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new PluginCallException(what + " was interrupted", false, e);
        }
    }

    private static String describe(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}

package dev.kotae.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real server in its own JVM, started through the launcher as an operator starts it
 * ({@link #launched}) or as {@code java -jar kotae.jar serve} with options of the caller's ({@link #start}):
 * so start-up is timed from process launch, the load driver does not share its heap, and heap use is the
 * server's.
 */
final class ServerProcess implements AutoCloseable {

    /** The first log line naming the bound port ("Listening on http://…/", logged as soon as HTTP is up). */
    private static final Pattern SERVING = Pattern.compile("on http://127\\.0\\.0\\.1:(\\d+)/");
    /** A generation's line of {@code GC.heap_info}: G1's one heap, or the parallel collector's young and old. */
    private static final Pattern HEAP_USED = Pattern.compile("total \\d+K, used (\\d+)K");

    private final Process process;
    private final Path log;
    private final URI base;
    private final long readyMillis;

    private ServerProcess(Process process, Path log, URI base, long readyMillis) {
        this.process = process;
        this.log = log;
        this.base = base;
        this.readyMillis = readyMillis;
    }

    /**
     * Launches {@code java} with {@code jvmOptions} on {@code jar}, {@code KOTAE_*} {@code settings} in the
     * server's environment (see docs/configuration.md), and waits until {@code /readyz} answers 200 (HTTP up
     * and the index open).
     */
    static ServerProcess start(Path jar, Path content, Path data, Path log, List<String> jvmOptions,
            Map<String, String> settings) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        return run(command, content, data, log, settings);
    }

    /**
     * The server as the README starts it: {@code bin/kotae serve}, the launcher that gives the JVM the
     * settings Kotae ships with (heap, collector), on {@code jar} and this JVM's Java. It {@code exec}s
     * Java, so the process is the server's own (its id, its signals).
     *
     * @param heap the launcher's {@code KOTAE_HEAP}, or {@code null} for its default
     */
    static ServerProcess launched(Path launcher, Path jar, String heap, Path content, Path data, Path log,
            Map<String, String> settings) throws Exception {
        Map<String, String> environment = new java.util.HashMap<>(settings);
        environment.put("KOTAE_JAR", jar.toAbsolutePath().toString());
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        if (heap != null) {
            environment.put("KOTAE_HEAP", heap);
        }
        return run(List.of("sh", launcher.toAbsolutePath().toString()), content, data, log, environment);
    }

    /** Runs {@code launch} followed by {@code serve} and its options; waits until {@code /readyz} answers 200. */
    private static ServerProcess run(List<String> launch, Path content, Path data, Path log,
            Map<String, String> settings) throws Exception {
        List<String> command = new java.util.ArrayList<>(launch);
        command.addAll(List.of("serve", "--content", content.toAbsolutePath().toString(), "--data",
                data.toAbsolutePath().toString(), "--host", "127.0.0.1", "--port", "0"));
        long start = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command).directory(data.getParent().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(settings);
        Process process = builder.start();
        HttpClient client = HttpClient.newHttpClient();
        URI base = null;
        long deadline = System.currentTimeMillis() + 600_000;
        while (process.isAlive() && System.currentTimeMillis() < deadline) {
            if (base == null) {
                Matcher matcher = SERVING.matcher(Files.readString(log, StandardCharsets.UTF_8));
                if (matcher.find()) {
                    base = URI.create("http://127.0.0.1:" + matcher.group(1) + "/");
                }
            }
            if (base != null && ready(client, base)) {
                return new ServerProcess(process, log, base, (System.nanoTime() - start) / 1_000_000);
            }
            Thread.sleep(5);
        }
        process.destroyForcibly();
        throw new IOException("the server did not become ready; its log:\n" + Files.readString(log));
    }

    private static boolean ready(HttpClient client, URI base) {
        try {
            return client.send(HttpRequest.newBuilder(base.resolve("/readyz")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    URI base() {
        return base;
    }

    /** Milliseconds from launching the process to ready. */
    long readyMillis() {
        return readyMillis;
    }

    /**
     * Heap in use right after a full collection, in MiB, asked of the server's JVM with {@code jcmd}
     * (part of every JDK); {@code -1} if jcmd is not there.
     */
    double heapAfterGcMib() throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) {
            return -1;
        }
        jcmd(jcmd, "GC.run");
        return heapUsedMib(jcmd(jcmd, "GC.heap_info"));
    }

    /** The heap in use that {@code GC.heap_info} reports, summed over its generations; {@code -1} if none. */
    static double heapUsedMib(String heapInfo) {
        Matcher used = HEAP_USED.matcher(heapInfo);
        long kib = -1;
        while (used.find()) {
            kib = Math.max(kib, 0) + Long.parseLong(used.group(1));
        }
        return kib < 0 ? -1 : kib / 1024.0;
    }

    private String jcmd(Path jcmd, String command) throws IOException, InterruptedException {
        Process run = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), command)
                .redirectErrorStream(true).start();
        String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        run.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    /** The value of an unlabelled metric in the server's {@code /metrics}, or {@code -1} if it is not there. */
    double metric(String name) throws IOException, InterruptedException {
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher value = Pattern.compile("(?m)^" + Pattern.quote(name) + " (\\S+)$").matcher(metrics);
        return value.find() ? Double.parseDouble(value.group(1)) : -1;
    }

    /** The server's log so far (for errors). */
    String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}

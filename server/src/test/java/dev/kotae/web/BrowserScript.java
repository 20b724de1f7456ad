package dev.kotae.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs one of the {@code e2e/*.mjs} browser scripts (playwright-core driving Debian's headless Chromium)
 * and fails the test with the script's log unless it exits 0. Screenshots go to
 * {@code server/target/screenshots}, kept as build artifacts.
 *
 * <p>Needs node, {@code e2e/node_modules} ({@code npm ci --prefix e2e}) and chromium; {@code .ci/run}
 * installs them. Without them a test is skipped locally and fails on CI ({@code CI} set).
 */
final class BrowserScript {

    private static final Duration TIMEOUT = Duration.ofSeconds(180);

    private BrowserScript() {}

    static Path e2eFolder() {
        return Path.of(System.getProperty("kotae.e2e", "../e2e")).toAbsolutePath().normalize();
    }

    static String chromium() {
        return System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
    }

    /** Skips (locally) or fails (on CI) when the browser tools are missing. */
    static void requireTools() {
        requireTool(Files.isRegularFile(e2eFolder().resolve("node_modules/playwright-core/package.json")),
                "e2e/node_modules missing: run npm ci --prefix e2e");
        requireTool(Files.isExecutable(Path.of(chromium())), "chromium not installed at " + chromium());
    }

    /** Runs {@code e2e/<script>} with the given environment; the log is printed and written to {@code work}. */
    static void run(String script, Map<String, String> env, Path work) throws Exception {
        Path log = work.resolve(script + ".log");
        ProcessBuilder node = new ProcessBuilder("node", e2eFolder().resolve(script).toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        node.environment().putAll(env);
        node.environment().put("SCREENSHOT_DIR", Path.of("target/screenshots").toAbsolutePath().toString());
        node.environment().put("CHROMIUM", chromium());
        Process process = node.start();
        boolean finished = process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        String output = Files.readString(log);
        System.out.println(output);
        if (!finished) {
            process.destroyForcibly();
            fail(script + " did not finish within " + TIMEOUT + ":\n" + output);
        }
        assertEquals(0, process.exitValue(), script + " failed:\n" + output);
    }

    private static void requireTool(boolean present, String message) {
        if (!present && System.getenv("CI") != null) {
            fail(message + " (CI must install it: see .ci/run)");
        }
        Assumptions.assumeTrue(present, message);
    }
}

package dev.vigil.notify;

import dev.vigil.contracts.Json;
import dev.vigil.contracts.webhook.WebhookSignature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Standard Webhooks reference library for JavaScript ({@code standardwebhooks} on npm), run by Node.js: the
 * check a receiver written in another language makes of Vigil's signatures. Its pinned package sits in
 * {@code src/test/standardwebhooks} and is installed into {@code target} on first use. CI installs Node.js and sets
 * {@code VIGIL_REQUIRE_NODE}, so there a test that needs it cannot be skipped; elsewhere {@link #installed()} tells.
 */
public final class ReferenceVerifier {
    private static final Path SOURCE = Path.of("src/test/standardwebhooks");
    private static final Path WORK = Path.of("target/standardwebhooks");
    private static final List<String> FILES = List.of("package.json", "package-lock.json", "verify.mjs");

    /** What the library said. */
    public record Verdict(boolean verified, String reason) {
    }

    private ReferenceVerifier() {
    }

    /** Whether a test may run: Node.js and npm are there, or CI requires them (and the test then fails without). */
    public static boolean installed() {
        return System.getenv("VIGIL_REQUIRE_NODE") != null || (onPath("node") && onPath("npm"));
    }

    /** Verifies one request as received, with {@code secret}. */
    public static Verdict verify(WebhookReceiver.Request request, String secret) throws IOException,
            InterruptedException {
        prepare();
        String input = Json.write(Map.of("secret", secret, "id", request.webhookId(),
                "timestamp", request.header(WebhookSignature.HEADER_TIMESTAMP),
                "signature", request.header(WebhookSignature.HEADER_SIGNATURE), "body", request.body()));
        Process node = new ProcessBuilder("node", "verify.mjs").directory(WORK.toFile())
                .redirectErrorStream(true).start();
        node.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        node.getOutputStream().close();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!node.waitFor(30, TimeUnit.SECONDS)) {
            node.destroyForcibly();
            throw new IllegalStateException("the reference verifier did not finish within 30 s");
        }
        return new Verdict(node.exitValue() == 0, output);
    }

    /** Copies the pinned package into target and installs it exactly as locked, once. */
    private static synchronized void prepare() throws IOException, InterruptedException {
        if (Files.isDirectory(WORK.resolve("node_modules/standardwebhooks"))) {
            return;
        }
        Files.createDirectories(WORK);
        for (String file : FILES) {
            Files.copy(SOURCE.resolve(file), WORK.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--silent").directory(WORK.toFile())
                .redirectErrorStream(true).start();
        String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!npm.waitFor(180, TimeUnit.SECONDS) || npm.exitValue() != 0) {
            throw new IllegalStateException("npm ci of the reference verifier failed: " + output);
        }
    }

    private static boolean onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "");
        return List.of(path.split(java.io.File.pathSeparator)).stream()
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }
}

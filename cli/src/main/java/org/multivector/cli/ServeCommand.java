package org.multivector.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.multivector.server.MultivectorServer;
import org.multivector.server.ServerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code multivector serve}: the browser dashboard and the HTTP API (docs/API.md). */
@Command(
        name = "serve",
        description = "Serve the browser dashboard and the HTTP API on 127.0.0.1 (docs/API.md); Ctrl-C stops.")
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "7070", description = "Port (default: ${DEFAULT-VALUE}; 0: any free).")
    int port;

    @Option(
            names = "--bind",
            defaultValue = "127.0.0.1",
            description = "Address to bind (default: ${DEFAULT-VALUE}, this machine only).")
    String bind;

    @Option(
            names = "--data",
            defaultValue = "runs",
            description = "Data directory: uploaded scenarios and results.duckdb (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--workers", defaultValue = "1", description = "Jobs running at once (default: ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--queue", defaultValue = "8", description = "Jobs waiting at most (default: ${DEFAULT-VALUE}).")
    int queue;

    @Option(
            names = "--job-timeout",
            defaultValue = "600",
            description = "Seconds a job may run (default: ${DEFAULT-VALUE}).")
    long jobTimeout;

    @Option(
            names = "--token",
            description = "The token every API request must carry (Authorization: Bearer TOKEN). Required beyond"
                    + " loopback: with --bind to another address and no --token, a random one is made and printed.")
    String token;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw org.multivector.study.RequestException.of("port", port + " is outside 0..65535");
        }
        if (workers < 1 || workers > 64 || queue < 0 || queue > 10_000) {
            throw org.multivector.study.RequestException.of(
                    "workers", "expected 1..64 workers and a queue of 0..10000");
        }
        if (jobTimeout < 1) {
            throw org.multivector.study.RequestException.of("jobTimeout", "expected at least 1 second");
        }
        boolean local = MultivectorServer.isLoopback(bind);
        if (token != null && !token.matches("[\\x21-\\x7e]{16,200}")) {
            throw org.multivector.study.RequestException.of(
                    "token", "expected 16 to 200 printable ASCII characters without spaces");
        }
        String key = token != null ? token : local ? null : MultivectorServer.newToken();
        ServerConfig config = ServerConfig.defaults(data)
                .withQueue(workers, queue)
                .withJobTimeout(Duration.ofSeconds(jobTimeout))
                .withToken(key);
        MultivectorServer server;
        try {
            server = MultivectorServer.start(config, bind, port);
        } catch (RuntimeException e) {
            throw org.multivector.study.RequestException.of(
                    "port",
                    "cannot start the server on " + bind + ":" + port + " with data directory " + data + " ("
                            + e.getMessage() + ")");
        }
        PrintWriter out = spec.commandLine().getOut();
        String host = bind.contains(":") ? "[" + bind + "]" : bind;
        out.printf(
                "Multivector dashboard: http://%s:%d/%s  (API: /api, OpenAPI: /openapi.json; data: %s)%n",
                host, server.port(), key == null ? "" : "#token=" + key, data.toAbsolutePath());
        if (!local) {
            out.printf(
                    "Bound to %s, reachable from other machines: every API request needs the token (%s; Authorization:"
                            + " Bearer TOKEN). Traffic is plain HTTP: use it on a trusted network or behind a TLS"
                            + " proxy.%n",
                    bind, token != null ? "given with --token" : "made for this run: " + key);
        } else if (key != null) {
            out.println("Every API request needs the token given with --token (Authorization: Bearer TOKEN).");
        }
        out.println("Ctrl-C stops the server.");
        out.flush();
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stop.countDown();
        }));
        stop.await();
        return 0;
    }
}

package org.multivector.server;

import java.nio.file.Path;

/**
 * The server in its own process, for the load test (so its memory is measured apart from the clients'): serves
 * {@code DATA} on a free loopback port, prints the port, and stops when its standard input closes.
 */
public final class ServeForLoad {
    private ServeForLoad() {}

    public static void main(String[] args) throws Exception {
        try (MultivectorServer server =
                MultivectorServer.start(ServerConfig.defaults(Path.of(args[0])).withQueue(1, 8), "127.0.0.1", 0)) {
            System.out.println(server.port());
            System.out.flush();
            while (System.in.read() >= 0) {
                // serve until the parent closes our input
            }
        }
    }
}

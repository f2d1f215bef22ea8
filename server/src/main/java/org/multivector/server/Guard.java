package org.multivector.server;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/**
 * What the server trusts (docs/API.md, "Security"): only requests that its own page, or a client on this machine,
 * could have sent.
 *
 * <ul>
 *   <li><b>Host</b>: on a loopback address the {@code Host} header must name loopback ({@code 127.0.0.1},
 *       {@code localhost}, {@code [::1]}) and the server's port, so a page whose name a DNS-rebinding attack pointed at
 *       127.0.0.1 is refused (421). On another specific address, that address; on a wildcard address any name, since
 *       the token guards it.
 *   <li><b>Cross-site requests</b>: a request that changes state ({@code POST}, {@code PUT}, {@code DELETE},
 *       {@code PATCH}) must not come from another origin ({@code Origin}, when a browser sends it, must be this
 *       server's) and a body must be {@code application/json} or {@code application/yaml}: neither is a type a form
 *       can send, so a browser asks (CORS preflight) before sending it cross-site, and this server never allows it
 *       (the OWASP CSRF prevention rules: custom content types and origin verification).
 *   <li><b>Token</b>: bound beyond loopback, every {@code /api} request must carry the server's token
 *       ({@code Authorization: Bearer TOKEN}; or {@code ?token=} where a browser cannot set headers — event streams and
 *       report links), compared in constant time.
 *   <li><b>Headers</b> on every response: a Content-Security-Policy without inline script ({@code frame-ancestors
 *       'none'}), {@code nosniff}, {@code X-Frame-Options: DENY}, no referrer. A study's report (one offline file with
 *       its charts inline) is served sandboxed: its scripts run in an opaque origin that cannot reach the API.
 * </ul>
 */
final class Guard {
    /** The dashboard's policy: its own scripts and styles only (ECharts sets styles through the DOM, which CSP allows). */
    static final String PAGE_POLICY =
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:;"
                    + " connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** A report's policy: its inline charts run, sandboxed without same-origin rights, and nothing loads from outside. */
    static final String REPORT_POLICY = "sandbox allow-scripts allow-downloads; default-src 'none'; script-src"
            + " 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:; frame-ancestors 'none'";

    private static final Set<String> CHANGES = Set.of("POST", "PUT", "DELETE", "PATCH");
    private static final Set<String> BODY_TYPES = Set.of("application/json", "application/yaml", "application/x-yaml");
    private static final Set<String> LOOPBACK_NAMES = Set.of("127.0.0.1", "localhost", "[::1]");

    private final String bind;
    private final boolean loopback;
    private final boolean wildcard;
    private final byte[] token;
    private volatile int port; // set once the server listens (port 0: any free one); read by every request thread

    Guard(String bind, String token) {
        this.bind = bind;
        this.loopback = isLoopback(bind);
        this.wildcard = isWildcard(bind);
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
        if (!loopback && token == null) {
            throw new IllegalArgumentException("binding to " + bind + " (beyond this machine) needs a token");
        }
    }

    void port(int p) {
        this.port = p;
    }

    /** A fresh random token: 32 hex digits from a strong random source. */
    static String newToken() {
        byte[] b = new byte[16];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** True for an address of this machine only ({@code 127.0.0.0/8}, {@code ::1}, {@code localhost}). */
    static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!host.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false; // a name other than localhost: not resolved here
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean isWildcard(String host) {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
    }

    /** Checks a request before any handler: Host, origin and content type of changes, token. */
    void check(Context ctx) {
        String path = ctx.path();
        String host = ctx.header("Host");
        if (!hostAllowed(host)) {
            throw new ApiException(
                    421,
                    "this server answers only to " + expectedHost() + " (the request named host '" + clean(host)
                            + "')");
        }
        String method = ctx.method().name();
        if (CHANGES.contains(method) && path.startsWith("/api/")) {
            String origin = ctx.header("Origin");
            if (origin != null && !origin.equalsIgnoreCase("http://" + host)) {
                throw new ApiException(
                        403,
                        "a request from another origin ('" + clean(origin) + "') may not change this"
                                + " server's state");
            }
            String type = ctx.contentType();
            boolean hasBody = ctx.contentLength() > 0 || type != null;
            if (hasBody) {
                String bare = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
                if (!BODY_TYPES.contains(bare)) {
                    throw new ApiException(
                            415,
                            "a request body must be application/json (or application/yaml for scenarios), not '"
                                    + clean(type) + "'");
                }
            }
        }
        if (token != null && path.startsWith("/api/") && !tokenGiven(ctx)) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new ApiException(
                    401,
                    "this server needs its token: send Authorization: Bearer TOKEN (the token serve printed), or open"
                            + " the dashboard from the address serve printed");
        }
    }

    /** Adds the security headers to a response. */
    void headers(Context ctx) {
        boolean report = ctx.path().startsWith("/api/studies/") && ctx.path().endsWith("/report");
        ctx.header("Content-Security-Policy", report ? REPORT_POLICY : PAGE_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cross-Origin-Resource-Policy", "same-origin");
    }

    private boolean tokenGiven(Context ctx) {
        String auth = ctx.header("Authorization");
        String given = null;
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            given = auth.substring(7).strip();
        } else if (ctx.queryParam("token") != null) {
            given = ctx.queryParam("token");
        }
        return given != null && MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8));
    }

    private boolean hostAllowed(String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        if (wildcard) {
            return true; // any name may reach a wildcard address; the token decides
        }
        String h = host.toLowerCase(Locale.ROOT);
        String name;
        String p;
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            if (end < 0) {
                return false;
            }
            name = h.substring(0, end + 1);
            p = h.length() > end + 1 && h.charAt(end + 1) == ':' ? h.substring(end + 2) : "";
        } else {
            int colon = h.lastIndexOf(':');
            name = colon < 0 ? h : h.substring(0, colon);
            p = colon < 0 ? "" : h.substring(colon + 1);
        }
        boolean portOk = p.isEmpty() ? port == 80 : p.equals(Integer.toString(port));
        if (!portOk) {
            return false;
        }
        if (loopback) {
            return LOOPBACK_NAMES.contains(name);
        }
        String bound = bind.contains(":") && !bind.startsWith("[") ? "[" + bind + "]" : bind;
        return name.equals(bound.toLowerCase(Locale.ROOT));
    }

    private String expectedHost() {
        if (loopback) {
            return "127.0.0.1:" + port + " or localhost:" + port;
        }
        return (bind.contains(":") && !bind.startsWith("[") ? "[" + bind + "]" : bind) + ":" + port;
    }

    /** A header value fit to quote in a message: control characters replaced, at most 100 characters. */
    static String clean(String s) {
        if (s == null) {
            return "";
        }
        String t = s.length() > 100 ? s.substring(0, 100) + "…" : s;
        return t.replaceAll("[\\p{Cntrl}]", "?");
    }
}

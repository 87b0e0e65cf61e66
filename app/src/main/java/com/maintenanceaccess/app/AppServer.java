package com.maintenanceaccess.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The reference maintenance app's server: static files (web/) and one forward, {@code /mx/*}
 * to the realm's {@code /realms/{realm}/mx/*}, because the bundle's REST endpoints send no
 * CORS headers (Keycloak adds them to its own endpoints only): the browser talks to one origin.
 * The login itself (authorization and token endpoints) goes to Keycloak directly, which allows
 * the app's origin through the client's web origins.
 *
 * <p>{@code java -cp app/target/classes com.maintenanceaccess.app.AppServer [port] [keycloak-url] [realm]},
 * defaults 3000, http://localhost:8080, maintenance.
 */
public final class AppServer {

    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8");

    private final HttpServer server;
    private final String keycloak;
    private final String realm;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public AppServer(int port, String keycloak, String realm) throws IOException {
        this.keycloak = keycloak.replaceAll("/+$", "");
        this.realm = realm;
        this.server = HttpServer.create(new InetSocketAddress("localhost", port), 50);
        server.createContext("/", this::serve);
        server.createContext("/mx/", this::forward);
        server.setExecutor(Executors.newFixedThreadPool(4));
    }

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        AppServer app = new AppServer(port, args.length > 1 ? args[1] : "http://localhost:8080",
                args.length > 2 ? args[2] : "maintenance");
        app.start();
        System.out.println("Maintenance app: http://localhost:" + port + "/");
    }

    public void start() {
        server.start();
    }

    public void stop() {
        server.stop(0);
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/config.js")) {
            // The only dynamic file: where Keycloak is. JSON-encoded, so nothing in it runs as code.
            send(exchange, 200, "js", ("window.MX_CONFIG = {\"keycloak\": " + json(keycloak) + ", \"realm\": "
                    + json(realm) + ", \"clientId\": \"maintenance-app\"};\n").getBytes(StandardCharsets.UTF_8));
            return;
        }
        String file = path.equals("/") || path.equals("/callback") ? "index.html" : path.substring(1);
        if (!file.matches("[a-z-]+\\.(html|js|css)")) {
            send(exchange, 404, "html", "not found".getBytes(StandardCharsets.UTF_8));
            return;
        }
        try (InputStream in = AppServer.class.getResourceAsStream("/web/" + file)) {
            if (in == null) {
                send(exchange, 404, "html", "not found".getBytes(StandardCharsets.UTF_8));
                return;
            }
            send(exchange, 200, file.substring(file.lastIndexOf('.') + 1), in.readAllBytes());
        }
    }

    /** {@code /mx/…} → {@code {keycloak}/realms/{realm}/mx/…}, with the bearer and the body. */
    private void forward(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        String target = keycloak + "/realms/" + realm + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        byte[] body = exchange.getRequestBody().readAllBytes();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target)).timeout(Duration.ofSeconds(30))
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (String header : new String[] {"Authorization", "Content-Type", "Accept"}) {
            String value = exchange.getRequestHeaders().getFirst(header);
            if (value != null) {
                request.header(header, value);
            }
        }
        try {
            HttpResponse<byte[]> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            answer.headers().firstValue("Content-Type").ifPresent(t -> exchange.getResponseHeaders().set("Content-Type", t));
            exchange.sendResponseHeaders(answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            send(exchange, 502, "html", "interrupted".getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            send(exchange, 502, "html", ("Keycloak did not answer: " + e.getMessage()).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", TYPES.getOrDefault(type, "text/plain; charset=utf-8"));
        exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'self'; connect-src 'self' *");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\' || c < 0x20 || c == '<' || c == '>') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}

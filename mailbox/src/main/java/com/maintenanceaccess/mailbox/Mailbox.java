package com.maintenanceaccess.mailbox;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The run command's mail catcher: an SMTP server that accepts every mail (GreenMail, in
 * memory, gone when it stops) and a web page that shows them, both on loopback only.
 * {@code java -jar mailbox/target/maintenance-access-mailbox.jar [smtpPort [httpPort]]}
 * (defaults 1025 and 8025; the realm sends to localhost:1025 unless MX_SMTP_HOST/PORT say otherwise).
 */
public final class Mailbox implements AutoCloseable {

    private static final String HOST = "127.0.0.1";

    private final GreenMail smtp;
    private final HttpServer web;
    private final ExecutorService requests = Executors.newFixedThreadPool(2);

    private Mailbox(GreenMail smtp, HttpServer web) {
        this.smtp = smtp;
        this.web = web;
    }

    public static void main(String[] args) {
        int smtpPort = args.length > 0 ? Integer.parseInt(args[0]) : 1025;
        int httpPort = args.length > 1 ? Integer.parseInt(args[1]) : 8025;
        Mailbox mailbox = start(smtpPort, httpPort);
        Runtime.getRuntime().addShutdownHook(new Thread(mailbox::close));
        System.out.println("Mailbox: SMTP on " + HOST + ":" + smtpPort + ", mail to read at " + mailbox.pageUrl());
    }

    /** Starts both servers; port 0 for the web page picks a free one (tests). */
    public static Mailbox start(int smtpPort, int httpPort) {
        // A generous start-up wait: GreenMail gives up after 2 s, too short on a busy machine.
        ServerSetup setup = new ServerSetup(smtpPort, HOST, ServerSetup.PROTOCOL_SMTP);
        setup.setServerStartupTimeout(30_000);
        GreenMail smtp = new GreenMail(setup);
        smtp.start();
        try {
            HttpServer web = HttpServer.create(new InetSocketAddress(HOST, httpPort), 0);
            Mailbox mailbox = new Mailbox(smtp, web);
            web.createContext("/", mailbox::serve);
            web.setExecutor(mailbox.requests);
            web.start();
            return mailbox;
        } catch (IOException e) {
            smtp.stop();
            throw new UncheckedIOException("cannot serve the mailbox page on " + HOST + ":" + httpPort, e);
        }
    }

    public String pageUrl() {
        return "http://localhost:" + web.getAddress().getPort() + "/";
    }

    public int smtpPort() {
        return smtp.getSmtp().getPort();
    }

    List<ReceivedMail> mails() {
        return Arrays.stream(smtp.getReceivedMessages()).map(ReceivedMail::of).toList();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("GET")) {
                respond(exchange, 405, "<p>Only GET.</p>");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/")) {
                respond(exchange, 200, MailboxPages.list(mails(), HOST + ":" + smtpPort()));
            } else if (path.matches("/mail/\\d{1,9}")) {
                int number = Integer.parseInt(path.substring("/mail/".length()));
                MimeMessage[] received = smtp.getReceivedMessages();
                if (number < received.length) {
                    respond(exchange, 200, MailboxPages.mail(number, ReceivedMail.of(received[number])));
                } else {
                    respond(exchange, 404, "<p>No such mail. <a href=\"/\">All mail</a></p>");
                }
            } else {
                respond(exchange, 404, "<p>Not found. <a href=\"/\">All mail</a></p>");
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String html) throws IOException {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        // The page shows other people's links: no script, no framing, no referrer leak of the tokens.
        exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        exchange.getResponseHeaders().set("X-Frame-Options", "DENY");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        web.stop(0);
        requests.shutdownNow();
        smtp.stop();
    }
}

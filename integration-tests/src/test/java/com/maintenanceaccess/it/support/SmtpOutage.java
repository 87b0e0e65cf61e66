package com.maintenanceaccess.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The realm's SMTP server "down": its smtpServer pointed at a loopback port nobody listens on (the
 * shared GreenMail keeps running for the other test classes). Closing restores the realm's setting.
 */
public final class SmtpOutage implements AutoCloseable {

    private final Realm realm;
    private final JsonNode smtp;

    private SmtpOutage(Realm realm) {
        this.realm = realm;
        this.smtp = realm.adminGet("").get("smtpServer").deepCopy();
        ObjectNode down = smtp.deepCopy();
        down.put("host", "127.0.0.1");
        down.put("port", String.valueOf(closedPort()));
        assertEquals(204, Http.putJson(realmUrl(), realm.adminToken(), Map.of("smtpServer", down)).status());
    }

    public static SmtpOutage start(Realm realm) {
        return new SmtpOutage(realm);
    }

    /** Runs the call while SMTP is down; restores it in any case. */
    public static <T> T during(Realm realm, Supplier<T> call) {
        try (SmtpOutage outage = start(realm)) {
            return call.get();
        }
    }

    @Override
    public void close() {
        Http.Response restored = Http.putJson(realmUrl(), realm.adminToken(), Map.of("smtpServer", smtp));
        assertEquals(204, restored.status(), restored::toString);
    }

    private String realmUrl() {
        return realm.server().baseUrl() + "/admin/realms/" + Realm.NAME;
    }

    /** A loopback port that was free a moment ago: connecting to it is refused. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

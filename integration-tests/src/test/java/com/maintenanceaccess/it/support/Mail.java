package com.maintenanceaccess.it.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A real SMTP server (GreenMail) on loopback that Keycloak sends the realm's e-mail to. */
public final class Mail {

    private static GreenMail greenMail;

    private Mail() {
    }

    public static synchronized GreenMail shared() {
        if (greenMail == null) {
            greenMail = new GreenMail(new ServerSetup(port(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            greenMail.start();
            Runtime.getRuntime().addShutdownHook(new Thread(greenMail::stop));
        }
        return greenMail;
    }

    public static int port() {
        return Integer.getInteger("mx.it.smtp-port", 3025);
    }

    /** All messages received so far for one address. */
    public static List<MimeMessage> to(String address) {
        return Arrays.stream(shared().getReceivedMessages())
                .filter(message -> {
                    try {
                        return Arrays.stream(message.getAllRecipients())
                                .anyMatch(recipient -> recipient.toString().equalsIgnoreCase(address));
                    } catch (Exception e) {
                        return false;
                    }
                })
                .toList();
    }

    /** Waits for the n-th message (1-based) to one address. */
    public static MimeMessage await(String address, int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            List<MimeMessage> messages = to(address);
            if (messages.size() >= count) {
                return messages.get(count - 1);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("no message #" + count + " to " + address + " within " + timeout);
    }

    public static Optional<MimeMessage> last(String address) {
        List<MimeMessage> messages = to(address);
        return messages.isEmpty() ? Optional.empty() : Optional.of(messages.get(messages.size() - 1));
    }
}

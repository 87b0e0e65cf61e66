package com.maintenanceaccess.it.support;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a person reads in a received mail: the plain-text and HTML parts and the subject. */
public record MailParts(String text, String html, String subject) {

    private static final Pattern ACTION_LINK = Pattern.compile("(https?://\\S+/login-actions/action-token\\?\\S+)");

    public static MailParts of(MimeMessage message) {
        try {
            String[] parts = new String[2];
            Object content = message.getContent();
            if (content instanceof Multipart multipart) {
                collect(multipart, parts);
            } else {
                parts[0] = content.toString();
            }
            return new MailParts(parts[0], parts[1], message.getSubject());
        } catch (MessagingException | IOException e) {
            throw new AssertionError("unreadable mail", e);
        }
    }

    /** Plain text into parts[0], HTML into parts[1], looking one level into nested multiparts. */
    private static void collect(Multipart multipart, String[] parts) throws MessagingException, IOException {
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.isMimeType("text/plain")) {
                parts[0] = part.getContent().toString();
            } else if (part.isMimeType("text/html")) {
                parts[1] = part.getContent().toString();
            } else if (part.getContent() instanceof Multipart nested) {
                collect(nested, parts);
            }
        }
    }

    /** The first Keycloak action-token link (invitation, execute-actions …) of the plain-text part. */
    public String actionLink() {
        Matcher matcher = ACTION_LINK.matcher(text == null ? "" : text);
        if (!matcher.find()) {
            throw new AssertionError("no action link in: " + text);
        }
        return matcher.group(1);
    }
}

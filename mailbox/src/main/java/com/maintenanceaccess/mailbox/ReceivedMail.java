package com.maintenanceaccess.mailbox;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** One received mail as the page shows it: who, what, when, its text and HTML and its web links. */
public record ReceivedMail(String from, String to, String subject, Instant sent, String text, String html, List<String> links) {

    /** Web links in plain text: up to the first blank, quote or angle bracket. */
    private static final Pattern TEXT_LINK = Pattern.compile("https?://[^\\s\"'<>]+");
    private static final Pattern HREF = Pattern.compile("href\\s*=\\s*\"(https?://[^\"]+)\"", Pattern.CASE_INSENSITIVE);

    public static ReceivedMail of(MimeMessage message) {
        try {
            String[] parts = new String[2];
            collect(message.getContent(), message.isMimeType("text/html"), parts);
            Date sent = message.getSentDate();
            return new ReceivedMail(addresses(message.getFrom()), addresses(message.getRecipients(Message.RecipientType.TO)),
                    message.getSubject() == null ? "" : message.getSubject(),
                    sent == null ? null : sent.toInstant(), parts[0], parts[1], links(parts[0], parts[1]));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("unreadable mail", e);
        }
    }

    /**
     * The links a reader can follow, in order, each once: those of the plain text (Keycloak
     * writes the same links in both parts), then any the HTML alone has. Only http(s): a
     * {@code javascript:} or {@code data:} link never becomes clickable.
     */
    static List<String> links(String text, String html) {
        Set<String> links = new LinkedHashSet<>();
        if (text != null) {
            Matcher matcher = TEXT_LINK.matcher(text);
            while (matcher.find()) {
                links.add(trimTrailingPunctuation(matcher.group()));
            }
        }
        if (html != null) {
            Matcher matcher = HREF.matcher(html);
            while (matcher.find()) {
                links.add(unescapeAttribute(matcher.group(1)));
            }
        }
        return List.copyOf(links);
    }

    /** Plain text into parts[0], HTML into parts[1], looking into nested multiparts. */
    private static void collect(Object content, boolean html, String[] parts) throws MessagingException, IOException {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType("text/plain") && parts[0] == null) {
                    parts[0] = part.getContent().toString();
                } else if (part.isMimeType("text/html") && parts[1] == null) {
                    parts[1] = part.getContent().toString();
                } else if (part.isMimeType("multipart/*")) {
                    collect(part.getContent(), false, parts);
                }
            }
        } else if (content != null) {
            parts[html ? 1 : 0] = content.toString();
        }
    }

    private static String addresses(Address[] addresses) {
        return addresses == null ? "" : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
    }

    /** A sentence ending in a link leaves its full stop or bracket outside the link. */
    private static String trimTrailingPunctuation(String link) {
        int end = link.length();
        while (end > 0 && ".,;:!?)]".indexOf(link.charAt(end - 1)) >= 0) {
            end--;
        }
        return link.substring(0, end);
    }

    private static String unescapeAttribute(String value) {
        return value.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}

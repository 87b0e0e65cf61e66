package com.maintenanceaccess.mailbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A real mail sent over SMTP to a started mailbox, read back through its pages over HTTP. */
class MailboxTest {

    private static final String LINK = "http://localhost:8080/realms/maintenance/login-actions/action-token?key=abc.def&client_id=account";

    private Mailbox mailbox;

    @BeforeEach
    void start() throws IOException {
        int smtpPort;
        try (ServerSocket free = new ServerSocket(0)) {
            smtpPort = free.getLocalPort();
        }
        mailbox = Mailbox.start(smtpPort, 0);
    }

    @AfterEach
    void stop() {
        mailbox.close();
    }

    @Test
    void aSentMailIsListedAndShownWithItsLinkAndNothingOfItIsMarkup() throws Exception {
        assertTrue(get("/").body().contains("No mail yet."));

        send("Your invitation <script>alert(1)</script>",
                "Hello,\nopen " + LINK + ".\n<b>not bold</b>",
                "<p>Open <a href=\"" + LINK.replace("&", "&amp;") + "\">the invitation</a>"
                        + " or <a href=\"javascript:alert(2)\">this</a></p><script>alert(3)</script>");

        HttpResponse<String> list = get("/");
        assertEquals(200, list.statusCode());
        assertTrue(list.body().contains("Your invitation &lt;script&gt;alert(1)&lt;/script&gt;"), list.body());
        assertTrue(list.body().contains("href=\"/mail/0\""), list.body());
        assertFalse(list.body().contains("<script>"), list.body());
        assertTrue(list.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'none'"));

        HttpResponse<String> mail = get("/mail/0");
        assertEquals(200, mail.statusCode());
        String escapedLink = LINK.replace("&", "&amp;");
        assertTrue(mail.body().contains("<li><a href=\"" + escapedLink + "\">" + escapedLink + "</a></li>"), mail.body());
        assertFalse(mail.body().contains("<script>"), mail.body());
        assertFalse(mail.body().contains("<b>"), mail.body());
        assertFalse(mail.body().contains("href=\"javascript:"), "only web links are clickable: " + mail.body());
        assertTrue(mail.body().contains("&lt;b&gt;not bold&lt;/b&gt;"), mail.body());

        assertEquals(404, get("/mail/1").statusCode());
        assertEquals(404, get("/mail/x").statusCode());
        assertEquals(404, get("/elsewhere").statusCode());
    }

    @Test
    void linksComeOnceInTheOrderOfTheTextWithoutTrailingPunctuationAndOnlyHttp() {
        assertEquals(List.of("https://a.example/x?y=1&z=2", "http://b.example/"),
                ReceivedMail.links("see https://a.example/x?y=1&z=2. and (http://b.example/)",
                        "<a href=\"https://a.example/x?y=1&amp;z=2\">a</a><a href='ftp://c'>c</a><a href=\"javascript:x\">j</a>"));
    }

    private void send(String subject, String text, String html) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(mailbox.smtpPort()));
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("no-reply@maintenance.localhost"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("new.person@demo-mro.example"));
        message.setSubject(subject);
        MimeBodyPart textPart = new MimeBodyPart();
        textPart.setText(text, "UTF-8");
        MimeBodyPart htmlPart = new MimeBodyPart();
        htmlPart.setContent(html, "text/html; charset=UTF-8");
        MimeMultipart alternative = new MimeMultipart("alternative", textPart, htmlPart);
        message.setContent(alternative);
        Transport.send(message);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(mailbox.pageUrl()).resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

package com.maintenanceaccess.mailbox;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The two pages: every received mail, newest first, and one mail with its links. Everything
 * that comes from a mail is escaped ({@link Html}); the mail's own HTML is never rendered, so
 * a mail cannot run script or restyle the page. Numbers are positions in the order received.
 */
final class MailboxPages {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final String STYLE = "body{font-family:sans-serif;margin:2em;max-width:60em}"
            + "table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.3em .6em;border-bottom:1px solid #ddd}"
            + "pre{white-space:pre-wrap;background:#f6f6f6;padding:1em}li{margin:.4em 0;word-break:break-all}";

    private MailboxPages() {
    }

    static String list(List<ReceivedMail> mails, String smtpAddress) {
        StringBuilder page = start("Local mailbox");
        page.append("<h1>Local mailbox</h1><p>Every mail the local server sends to ").append(Html.escape(smtpAddress))
                .append(" lands here, whatever its address. Newest first; reload to see new mail.</p>");
        if (mails.isEmpty()) {
            page.append("<p id=\"empty\">No mail yet.</p>");
        } else {
            page.append("<table><tr><th>received</th><th>to</th><th>subject</th></tr>");
            for (int i = mails.size() - 1; i >= 0; i--) {
                ReceivedMail mail = mails.get(i);
                page.append("<tr><td>").append(mail.sent() == null ? "" : TIME.format(mail.sent()))
                        .append("</td><td>").append(Html.escape(mail.to()))
                        .append("</td><td><a href=\"/mail/").append(i).append("\">")
                        .append(Html.escape(mail.subject().isBlank() ? "(no subject)" : mail.subject()))
                        .append("</a></td></tr>");
            }
            page.append("</table>");
        }
        return page.append("</body></html>").toString();
    }

    static String mail(int number, ReceivedMail mail) {
        StringBuilder page = start(mail.subject());
        page.append("<p><a href=\"/\">All mail</a></p><h1>").append(Html.escape(mail.subject())).append("</h1><table>")
                .append(row("from", mail.from())).append(row("to", mail.to()))
                .append(row("sent", mail.sent() == null ? "" : TIME.format(mail.sent()))).append("</table>");
        page.append("<h2>Links</h2>");
        if (mail.links().isEmpty()) {
            page.append("<p>None.</p>");
        } else {
            page.append("<ul id=\"links\">");
            for (String link : mail.links()) {
                page.append("<li><a href=\"").append(Html.escape(link)).append("\">").append(Html.escape(link)).append("</a></li>");
            }
            page.append("</ul>");
        }
        if (mail.text() != null) {
            page.append("<h2>Text</h2><pre>").append(Html.escape(mail.text())).append("</pre>");
        }
        if (mail.html() != null) {
            page.append("<h2>HTML source</h2><pre>").append(Html.escape(mail.html())).append("</pre>");
        }
        return page.append("</body></html>").toString();
    }

    private static StringBuilder start(String title) {
        return new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
                .append(Html.escape(title)).append("</title><style>").append(STYLE).append("</style></head><body>");
    }

    private static String row(String name, String value) {
        return "<tr><th>" + name + "</th><td>" + Html.escape(value) + "</td></tr>";
    }
}

package com.maintenanceaccess.it.invitation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.Visitor;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The e-mail and the page follow the user's locale, with the expiry as a date of that locale. */
class InvitationLocaleIT {

    private final InvitationSupport it = new InvitationSupport();

    @Test
    void aGermanSpeakingInviteeGetsAGermanMailAndPage() throws Exception {
        String userId = it.invitee("inv-de", Map.of("firstName", "J\u00fcrgen", "lastName", "M\u00fcller",
                "attributes", Map.of("locale", List.of("de"))));
        String email = it.email(userId);
        Http.Response invited = it.invite(userId, 10, null);
        assertEquals(201, invited.status(), invited::toString);

        String[] mail = InvitationSupport.mail(email, 1);
        assertEquals("Ihre Einladung zu Maintenance Access", mail[2]);
        assertTrue(mail[0].contains("Hallo J\u00fcrgen M\u00fcller,"), mail[0]);
        // e.g. "Die Einladung ist gültig bis 8. Dezember 2026, 08:18 UTC."
        assertTrue(mail[0].matches("(?s).*g\u00fcltig bis \\d{1,2}\\. [A-Z][a-z\u00e4]+ \\d{4}, \\d{2}:\\d{2} UTC\\..*"), mail[0]);
        assertTrue(mail[1].contains("Einladung annehmen"), mail[1]);

        HttpResponse<String> page = new Visitor().get(InvitationSupport.link(email, 1));
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Einladung annehmen"), page.body());
        assertTrue(page.body().contains("Eingeladen von"), page.body());
    }
}

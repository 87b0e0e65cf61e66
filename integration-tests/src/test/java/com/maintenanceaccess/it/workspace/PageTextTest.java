package com.maintenanceaccess.it.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.maintenanceaccess.it.workspace.pages.PageText;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The detector of {@link WorkspaceWalkIT} can fail: it finds each kind of text a page must not
 * show (as seen in issue 24), and lets the words a page does show pass.
 */
class PageTextTest {

    @Test
    void findsRawKeysIdsAndApiPaths() {
        assertFound("Suspended. mxAuthorization-suspendd", "raw key mxAuthorization-suspendd");
        assertFound("12 mx-pendingDays", "raw key mx-pendingDays");
        assertFound("Der Server hat abgelehnt: mx.invalid.email", "raw key mx.invalid.email");
        assertFound("sent by=0b045e8f-1c2d-4e5f-8a9b-0c1d2e3f4a5b", "id 0b045e8f-1c2d-4e5f-8a9b-0c1d2e3f4a5b");
        assertFound("(POST /mx/users/{id}/authorizations)", "API path /mx/");
        assertEquals(3, PageText.findings("mxPeople 0B045E8F-1C2D-4E5F-8A9B-0C1D2E3F4A5B /mx/accounts").size());
    }

    /** A permission as stored and an account's alias where its name belongs (issue 24: "machine names"). */
    @Test
    void findsPermissionsAndMachineNames() {
        assertFound("This person cannot open the page. (signoffs:release)", "permission signoffs:release");
        assertFound("none of the person's role templates includes workorders:release", "permission workorders:release");
        assertFound("Vorlage mit time-entries:approve", "permission time-entries:approve");
        assertFound("Berechtigungen: aircraft:*", "permission aircraft:*");
        assertEquals(List.of(), PageText.findings("Zeit: 14:30 · https://mro.example:8443/app · Hinweis: view the list"));
        List<String> alias = PageText.findings("In the account ws-walk-1a2b3c4d", List.of("ws-walk-1a2b3c4d"));
        assertEquals(1, alias.size(), alias::toString);
        assertTrue(alias.get(0).startsWith("machine name ws-walk-1a2b3c4d"), alias::toString);
        assertEquals(1, PageText.findings("member of ws-walk-1a2b3c4d.", List.of("ws-walk-1a2b3c4d")).size(), "at a sentence's end too");
        assertEquals(List.of(), PageText.findings("""
                In the account Walk Aviation 3f2a
                ina@ws-walk-1a2b3c4d.example, ws-walk-1a2b3c4d.example, ws-walk-1a2b3c4d-old""", List.of("ws-walk-1a2b3c4d")));
    }

    @Test
    void letsWordsPass() {
        assertEquals(List.of(), PageText.findings("""
                People · Personen
                Tess Technician tess@mx.example.com, ws-mx-tess, Remix Aviation
                UK.145.WALK-0B045 Valid until 2027-01-31 · https://mro.example/app
                Role template technician · 12 days pending"""));
    }

    @Test
    void findsEnglishSentencesOnAGermanPage() {
        List<String> found = PageText.english("""
                Personen
                Der Server hat abgelehnt
                email: must be an e-mail address with a domain
                Nothing was changed. The template is not known.""");
        assertEquals(List.of("\"email: must be an e-mail address with a domain\"", "\"Nothing was changed. The template is not known.\""), found);
        assertEquals(List.of(), PageText.english("""
                Personen · Einladungen · Rollenvorlagen
                Tess Technician, tess@mro.example – Einladung angenommen
                Die Vorlage ist nicht bekannt. Es wurde nichts geändert."""));
    }

    private static void assertFound(String text, String expected) {
        List<String> findings = PageText.findings(text);
        assertEquals(1, findings.size(), findings::toString);
        assertTrue(findings.get(0).startsWith(expected), findings.get(0));
    }
}

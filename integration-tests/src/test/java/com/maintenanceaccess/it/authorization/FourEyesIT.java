package com.maintenanceaccess.it.authorization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.KeycloakServer;
import com.maintenanceaccess.it.support.Realm;
import com.maintenanceaccess.it.support.ServerClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Four eyes where authority is made (issue 23, item 5): a certifying authority (certifying staff,
 * RII) or a privileged account role (compliance officer, account administrator) granted by an
 * account person waits for a second, different person of the same account with that right (or a
 * realm operator); the deny matrix of approving; one winner when two approve at once; an expired
 * request cannot be approved; bad input is 400 naming the field and changes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// Alone, no other test class beside it: it moves the bundle's clock (ServerClock), which every test on the server reads.
@Isolated
class FourEyesIT {

    private final Realm realm = Realm.maintenance();
    private final Authz authz = new Authz(realm);
    private String accountA;
    private String accountB;
    private String officerA1;
    private String officerA2;
    private String officerA3;
    private String adminA1;
    private String adminA2;
    private String auditorA;
    private String officerB;

    @BeforeAll
    void setUp() {
        accountA = realm.createAccount("four-eyes-a", true, Map.of());
        accountB = realm.createAccount("four-eyes-b", true, Map.of());
        officerA1 = realm.accountPerson(accountA, "fe-officer-a1", "compliance-officer");
        officerA2 = realm.accountPerson(accountA, "fe-officer-a2", "compliance-officer");
        officerA3 = realm.accountPerson(accountA, "fe-officer-a3", "compliance-officer");
        adminA1 = realm.accountPerson(accountA, "fe-admin-a1", "account-administrator");
        adminA2 = realm.accountPerson(accountA, "fe-admin-a2", "account-administrator");
        auditorA = realm.accountPerson(accountA, "fe-auditor-a", "auditor");
        // B's officer is also a member of A (a contractor there, with no role in A).
        officerB = realm.accountPerson(accountB, "fe-officer-b", "compliance-officer");
        realm.addMember(accountA, officerB);
    }

    @Test
    void certifyingStaffTakesEffectOnlyWhenASecondOfficerApproves() {
        String technician = realm.accountPerson(accountA, "fe-tech");
        Http.Response asked = Http.postJson(authz.url(technician), token(officerA1), Authz.crs("CRS-FE-1"));
        assertEquals(202, asked.status(), asked::toString);
        JsonNode approval = asked.json().get("approval");
        assertEquals("pending", approval.get("state").asText());
        assertEquals("certifying-staff", approval.get("grant").get("type").asText());
        assertEquals("Certifying staff (CRS)", approval.get("grant").get("typeName").asText());
        assertEquals(realm.username(officerA1), approval.get("requestedBy").get("username").asText());
        assertEquals(realm.username(technician), approval.get("person").get("username").asText());
        assertFalse(approval.get("mayDecide").asBoolean(), "the requester may not decide: " + approval);
        // Nothing held yet: no record, nothing in the token, the signoff check says missing.
        assertEquals(0, authz.list(token(officerA2), technician).size());
        assertEquals(0, authz.mxAuth(technician).size());
        // Listed in the account for everybody with a role there; the second officer may decide it.
        JsonNode pending = list(officerA2, accountA, null);
        JsonNode mine = find(pending, approval.get("id").asText());
        assertTrue(mine.get("mayDecide").asBoolean(), mine::toString);
        assertFalse(find(list(auditorA, accountA, null), approval.get("id").asText()).get("mayDecide").asBoolean());

        Http.Response approved = decide(officerA2, accountA, approval.get("id").asText(), "approve", Map.of("reason", "licence seen"));
        assertEquals(200, approved.status(), approved::toString);
        assertEquals("approved", approved.json().get("state").asText());
        assertEquals(realm.username(officerA2), approved.json().get("decidedBy").get("username").asText());
        assertEquals("CRS-FE-1", approved.json().get("granted").get("reference").asText());
        JsonNode records = authz.list(token(officerA2), technician);
        assertEquals(1, records.size(), records::toString);
        assertEquals("CRS-FE-1", authz.mxAuth(technician).get(0).get("ref").asText(), "in the token once approved");
        assertFalse(StreamSupport.stream(list(officerA2, accountA, null).spliterator(), false)
                .anyMatch(a -> a.get("id").asText().equals(approval.get("id").asText())), "no longer pending");

        // Both people are in the trail's admin events: the request, the decision (before/after) and the grant.
        JsonNode decision = approvalEvents(approval.get("id").asText());
        assertEquals(2, decision.size(), decision::toString);
        JsonNode decided = readJson(decision.get(0).get("representation").asText());
        assertEquals("approve", decided.get("action").asText(), decided::toString);
        assertEquals("pending", decided.get("before").get("state").asText());
        assertEquals("approved", decided.get("after").get("state").asText());
        assertEquals(officerA1, decided.get("after").get("requestedBy").get("id").asText());
        assertEquals(officerA2, decided.get("after").get("decidedBy").get("id").asText());
        assertEquals(officerA2, decision.get(0).get("authDetails").get("userId").asText(), "the actor");
        JsonNode grantEvent = authz.events(technician).get(0);
        JsonNode representation = readJson(grantEvent.get("representation").asText());
        assertEquals("mx-approval", representation.get("via").asText());
        assertEquals(officerA1, representation.get("approval").get("requestedBy").asText());
        assertEquals(officerA2, representation.get("approval").get("approvedBy").asText());

        // Deciding again: already decided, nothing changes.
        Http.Response again = decide(officerA3, accountA, approval.get("id").asText(), "approve", null);
        assertEquals(409, again.status(), again::toString);
        assertEquals("already_decided", again.json().get("error").asText());
        assertEquals(1, authz.list(token(officerA2), technician).size());
    }

    @Test
    void theDenyMatrixOfApproving() {
        String technician = realm.accountPerson(accountA, "fe-deny-tech");
        String id = ask(officerA1, technician, Authz.inspection("RII-FE-DENY"));
        // The requester: 403 own_request.
        Http.Response own = decide(officerA1, accountA, id, "approve", null);
        assertEquals(403, own.status(), own::toString);
        assertEquals("own_request", own.json().get("error").asText());
        // An auditor of the account: 403 naming the right.
        Http.Response auditor = decide(auditorA, accountA, id, "approve", null);
        assertEquals(403, auditor.status(), auditor::toString);
        assertTrue(auditor.json().get("error_description").asText().contains("compliance-officer"), auditor::toString);
        // An account administrator has no compliance right: 403.
        assertEquals(403, decide(adminA1, accountA, id, "approve", null).status());
        // Another account's officer (a member of A without a role there): 404 as an unknown account,
        // and under her own account the id is unknown: 404.
        Http.Response otherAccount = decide(officerB, accountA, id, "approve", null);
        assertEquals(404, otherAccount.status(), otherAccount::toString);
        Http.Response underB = decide(officerB, accountB, id, "approve", null);
        assertEquals(404, underB.status(), underB::toString);
        assertEquals(404, Http.get(approvalsUrl(accountB) + "/" + id, token(officerB)).status());
        // The person it names, though a compliance officer of the account: 403 named_person.
        String namedId = ask(officerA1, officerA3, Authz.crs("CRS-FE-NAMED"));
        Http.Response named = decide(officerA3, accountA, namedId, "approve", null);
        assertEquals(403, named.status(), named::toString);
        assertEquals("named_person", named.json().get("error").asText());
        // Nothing of it took effect.
        assertEquals(0, authz.list(token(officerA2), technician).size());
        assertEquals(0, authz.list(token(officerA2), officerA3).size());
        // A rejection by the second officer ends it; it can then not be approved.
        Http.Response rejected = decide(officerA2, accountA, id, "reject", Map.of("reason", "scope too wide"));
        assertEquals(200, rejected.status(), rejected::toString);
        assertEquals("rejected", rejected.json().get("state").asText());
        assertEquals("scope too wide", rejected.json().get("reason").asText());
        assertEquals(409, decide(officerA3, accountA, id, "approve", null).status());
        assertEquals(0, authz.list(token(officerA2), technician).size());
        assertEquals(1, StreamSupport.stream(list(officerA2, accountA, "rejected").spliterator(), false)
                .filter(a -> a.get("id").asText().equals(id)).count());
    }

    @Test
    void aRealmOperatorApprovesForAnAccountWithOneOfficerAndGrantsDirectly() {
        String technician = realm.accountPerson(accountA, "fe-op-tech");
        String id = ask(officerA1, technician, Authz.crs("CRS-FE-OP"));
        Http.Response approved = decide(authz.approver(), accountA, id, "approve", null);
        assertEquals(200, approved.status(), approved::toString);
        assertEquals(1, authz.list(token(officerA2), technician).size());
        // Types that are not certifying authority take effect at once.
        Http.Response support = Http.postJson(authz.url(technician), token(officerA1),
                Authz.with(Authz.crs("SUP-FE-1"), "type", "support-staff"));
        assertEquals(201, support.status(), support::toString);
    }

    @Test
    void privilegedAccountRolesWaitForASecondAdministratorAuditorDoesNot() {
        String member = realm.accountPerson(accountA, "fe-role-member");
        Http.Response put = Http.putJson(peopleUrl(accountA, member) + "/account-roles", token(adminA1),
                Map.of("roles", List.of("compliance-officer", "auditor")));
        assertEquals(200, put.status(), put::toString);
        assertEquals(List.of("auditor"), texts(put.json().get("accountRoles")), "the auditor role at once");
        JsonNode pending = put.json().get("pendingApprovals");
        assertEquals(1, pending.size(), pending::toString);
        assertEquals("compliance-officer", pending.get(0).get("grant").get("role").asText());
        String id = pending.get(0).get("id").asText();
        // Asking twice is refused while it waits.
        Http.Response twice = Http.putJson(peopleUrl(accountA, member) + "/account-roles", token(adminA2),
                Map.of("roles", List.of("compliance-officer", "auditor")));
        assertEquals(409, twice.status(), twice::toString);
        // Requester, a compliance officer (no right over roles), the auditor: refused.
        assertEquals(403, decide(adminA1, accountA, id, "approve", null).status());
        assertEquals(403, decide(officerA1, accountA, id, "approve", null).status());
        assertEquals(403, decide(auditorA, accountA, id, "approve", null).status());
        assertEquals(List.of("auditor"), texts(person(accountA, member).get("accountRoles")));
        // The second administrator approves: the role counts from now on.
        Http.Response approved = decide(adminA2, accountA, id, "approve", null);
        assertEquals(200, approved.status(), approved::toString);
        assertEquals(List.of("compliance-officer", "auditor"), texts(person(accountA, member).get("accountRoles")));
        assertEquals(200, Http.get(authz.url(officerA1), token(member)).status(), "now reads records in A");
    }

    @Test
    void twoApprovalsAtOnceHaveOneWinner() throws Exception {
        String technician = realm.accountPerson(accountA, "fe-race-tech");
        String id = ask(officerA1, technician, Authz.crs("CRS-FE-RACE"));
        String t2 = token(officerA2);
        String t3 = token(officerA3);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Http.Response>> both = new ArrayList<>();
        for (String t : List.of(t2, t3)) {
            both.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return Http.postJson(approvalsUrl(accountA) + "/" + id + "/approve", t, Map.of());
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<Http.Response> f : both) {
            statuses.add(f.get().status());
        }
        statuses.sort(null);
        assertEquals(List.of(200, 409), statuses, () -> both.stream().map(f -> f.join().toString()).toList().toString());
        assertEquals(1, authz.list(token(officerA2), technician).size(), "one record, not two");
        assertEquals(2, approvalEvents(id).size(), "the request and one decision");
    }

    @Test
    void anExpiredRequestCannotBeApprovedButCanBeRejected() {
        String technician = realm.accountPerson(accountA, "fe-late-tech");
        String id = ask(officerA1, technician, Authz.crs("CRS-FE-LATE"));
        try (ServerClock later = ServerClock.ahead(KeycloakServer.shared(), Duration.ofDays(7).plusMinutes(1))) {
            JsonNode listed = find(list(officerA2, accountA, null), id);
            assertTrue(listed.get("expired").asBoolean(), listed::toString);
            Http.Response late = decide(officerA2, accountA, id, "approve", null);
            assertEquals(409, late.status(), late::toString);
            assertEquals("approval_expired", late.json().get("error").asText());
            assertEquals(0, authz.list(token(officerA2), technician).size());
            assertEquals(200, decide(officerA2, accountA, id, "reject", null).status());
        }
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndChangesNothing() {
        String technician = realm.accountPerson(accountA, "fe-bad-tech");
        // A certifying-staff request is checked in full before it waits: nothing pending.
        Http.Response noReference = Http.postJson(authz.url(technician), token(officerA1),
                Authz.with(Authz.crs("X"), "reference", "x"));
        assertEquals(400, noReference.status(), noReference::toString);
        assertEquals("reference", noReference.json().get("problems").get(0).get("field").asText());
        assertFalse(list(officerA2, accountA, null).toString().contains(technician), "nothing waits for " + technician);
        String id = ask(officerA1, technician, Authz.crs("CRS-FE-BAD"));
        Map<String, String> nullReason = new java.util.HashMap<>();
        nullReason.put("reason", null);
        for (Object body : List.of(nullReason, Map.of("reason", 5), Map.of("reason", "x".repeat(501)),
                Map.of("because", "x"))) {
            Http.Response bad = decide(officerA2, accountA, id, "approve", body);
            assertEquals(400, bad.status(), () -> body + ": " + bad);
            assertTrue(bad.json().get("problems").size() > 0, bad::toString);
        }
        Http.Response badState = Http.get(approvalsUrl(accountA) + "?state=maybe", token(officerA2));
        assertEquals(400, badState.status(), badState::toString);
        assertEquals("state", badState.json().get("problems").get(0).get("field").asText());
        assertEquals(404, decide(officerA2, accountA, "00000000-0000-0000-0000-000000000000", "approve", null).status());
        assertEquals("pending", find(list(officerA2, accountA, null), id).get("state").asText(), "still waiting");
        assertEquals(0, authz.list(token(officerA2), technician).size());
        // Asking for the same record twice while it waits: 409.
        assertEquals(409, Http.postJson(authz.url(technician), token(officerA3), Authz.crs("CRS-FE-BAD")).status());
        assertEquals(401, Http.get(approvalsUrl(accountA), "garbage").status());
    }

    /**
     * Issue 23 item 1: moving the invitation of a pending person who already holds authority (here a
     * privileged template) waits for a second administrator; the requester cannot approve it; nothing
     * is mailed until a second person approves. A person without authority moves at once.
     */
    @Test
    void movingTheInvitationOfAPersonWhoHoldsAuthorityWaitsForASecondAdministrator() {
        String alias = realm.adminGet("/organizations/" + accountA).get("alias").asText();
        String run = java.util.UUID.randomUUID().toString().substring(0, 8);
        Http.Response created = Http.postJson(realm.url("/mx/accounts/" + alias + "/people"), token(adminA1), Map.of(
                "firstName", "Pat", "lastName", "Pending", "email", "fe-move-" + run + "@mro.example", "templates", List.of("planner")));
        assertEquals(201, created.status(), created::toString);
        String pending = created.json().get("id").asText();
        Http.Response privileged = Http.putJson(peopleUrl(accountA, pending) + "/templates", token(adminA2),
                Map.of("templates", List.of("planner", "account-administrator")));
        assertEquals(200, privileged.status(), privileged::toString);

        String elsewhere = "fe-moved-" + run + "@mro.example";
        Http.Response asked = Http.putJson(realm.url("/mx/invitations/" + pending + "/email"), token(adminA1), Map.of("email", elsewhere));
        assertEquals(202, asked.status(), asked::toString);
        String id = asked.json().get("pendingApproval").get("id").asText();
        assertEquals("invitation-address", asked.json().get("pendingApproval").get("kind").asText());
        assertEquals("fe-move-" + run + "@mro.example", realm.adminGet("/users/" + pending).get("email").asText(), "not moved yet");
        assertEquals(0, com.maintenanceaccess.it.support.Mail.to(elsewhere).size(), "nothing mailed before the approval");

        Http.Response own = decide(adminA1, accountA, id, "approve", null);
        assertEquals(403, own.status(), own::toString);
        assertEquals("own_request", own.json().get("error").asText(), own::toString);
        Http.Response byOfficer = decide(officerA2, accountA, id, "approve", null);
        assertEquals(403, byOfficer.status(), "a compliance officer does not decide invitations: " + byOfficer);

        Http.Response approved = decide(adminA2, accountA, id, "approve", null);
        assertEquals(200, approved.status(), approved::toString);
        assertEquals(elsewhere, realm.adminGet("/users/" + pending).get("email").asText(), "moved on approval");
        com.maintenanceaccess.it.support.Mail.await(elsewhere, 1, Duration.ofSeconds(30));

        // Without authority the move is the administrator's alone, as before.
        Http.Response plain = Http.postJson(realm.url("/mx/accounts/" + alias + "/people"), token(adminA1), Map.of(
                "firstName", "Pia", "lastName", "Plain", "email", "fe-plain-" + run + "@mro.example", "templates", List.of("planner")));
        Http.Response moved = Http.putJson(realm.url("/mx/invitations/" + plain.json().get("id").asText() + "/email"),
                token(adminA1), Map.of("email", "fe-plain2-" + run + "@mro.example"));
        assertEquals(200, moved.status(), moved::toString);
    }

    // ---------------------------------------------------------------------------------------

    private String ask(String officer, String person, Map<String, Object> body) {
        Http.Response asked = Http.postJson(authz.url(person), token(officer), body);
        assertEquals(202, asked.status(), asked::toString);
        return asked.json().get("approval").get("id").asText();
    }

    private String token(String userId) {
        return realm.userToken(userId);
    }

    private String approvalsUrl(String account) {
        return realm.url("/mx/accounts/" + account + "/approvals");
    }

    private String peopleUrl(String account, String userId) {
        return realm.url("/mx/accounts/" + account + "/people/" + userId);
    }

    private JsonNode person(String account, String userId) {
        Http.Response response = Http.get(peopleUrl(account, userId), token(adminA2));
        assertEquals(200, response.status(), response::toString);
        return response.json();
    }

    private JsonNode list(String caller, String account, String state) {
        Http.Response response = Http.get(approvalsUrl(account) + (state == null ? "" : "?state=" + state), token(caller));
        assertEquals(200, response.status(), response::toString);
        return response.json();
    }

    private Http.Response decide(String caller, String account, String id, String action, Object body) {
        return Http.postJson(approvalsUrl(account) + "/" + id + "/" + action, token(caller), body == null ? Map.of() : body);
    }

    private static JsonNode find(JsonNode list, String id) {
        return StreamSupport.stream(list.spliterator(), false).filter(a -> a.get("id").asText().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not in " + list));
    }

    private JsonNode approvalEvents(String id) {
        JsonNode events = realm.adminGet("/admin-events?max=5000");
        List<JsonNode> mine = new ArrayList<>();
        events.forEach(e -> {
            if ("MX_APPROVAL".equals(e.path("details").path("mx_kind").asText())
                    && e.path("resourcePath").asText().endsWith("/approvals/" + id)) {
                mine.add(e);
            }
        });
        return Http.JSON.valueToTree(mine);
    }

    private static JsonNode readJson(String text) {
        try {
            return Http.JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}

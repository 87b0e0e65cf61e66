package com.maintenanceaccess.it.scim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.Mail;
import com.maintenanceaccess.it.support.Realm;
import com.unboundid.scim2.client.ScimService;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.types.Email;
import com.unboundid.scim2.common.types.GroupResource;
import com.unboundid.scim2.common.types.Member;
import com.unboundid.scim2.common.types.Name;
import com.unboundid.scim2.common.types.ResourceTypeResource;
import com.unboundid.scim2.common.types.UserResource;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.glassfish.jersey.client.ClientConfig;
import org.glassfish.jersey.jnh.connector.JavaNetHttpConnectorProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SCIM provisioning per account (issue 26, docs/scim.md), driven by a real SCIM client, the
 * UnboundID SCIM 2 SDK, against the real server. The standard fixture: a person in two accounts.
 */
class ScimProvisioningIT {

    private final Realm realm = Realm.maintenance();
    private final List<Client> clients = new ArrayList<>();
    private String accountA;
    private String aliasA;
    private String accountB;
    private String aliasB;
    private String adminA;
    private String adminB;

    @BeforeEach
    void twoAccounts() {
        accountA = realm.createAccount("scim-a", true, Map.of());
        accountB = realm.createAccount("scim-b", true, Map.of());
        aliasA = realm.adminGet("/organizations/" + accountA).get("alias").asText();
        aliasB = realm.adminGet("/organizations/" + accountB).get("alias").asText();
        adminA = realm.accountPerson(accountA, "scim-admin-a", "account-administrator");
        adminB = realm.accountPerson(accountB, "scim-admin-b", "account-administrator");
    }

    @AfterEach
    void closeClients() {
        clients.forEach(Client::close);
    }

    @Test
    void anAdministratorCreatesListsAndRevokesTokensOfTheirAccountOnly() {
        Http.Response created = Http.postJson(tokens(accountA), realm.userToken(adminA), Map.of("name", "Entra ID"));
        assertEquals(201, created.status(), created::toString);
        String secret = created.json().get("secret").asText();
        assertTrue(secret.startsWith("mxscim_"), secret);
        assertEquals("active", created.json().get("status").asText());

        Http.Response list = Http.get(tokens(accountA), realm.userToken(adminA));
        assertEquals(200, list.status(), list::toString);
        assertEquals(1, list.json().get("tokens").size());
        assertFalse(list.body().contains(secret.substring(secret.indexOf('.') + 1)), "the secret is shown once only");
        assertNull(list.json().get("tokens").get(0).get("secret"));

        // Another account's administrator: A's tokens do not exist for them.
        assertEquals(404, Http.get(tokens(accountA), realm.userToken(adminB)).status());
        assertEquals(404, Http.delete(tokens(accountA) + "/" + created.json().get("id").asText(), realm.userToken(adminB)).status());
        // An auditor of A is no administrator: 403; a member without an account role has no view of A: 404.
        String auditor = realm.accountPerson(accountA, "scim-auditor", "auditor");
        assertEquals(403, Http.get(tokens(accountA), realm.userToken(auditor)).status());
        String member = realm.accountPerson(accountA, "scim-member");
        assertEquals(404, Http.get(tokens(accountA), realm.userToken(member)).status());
        // Bad input names the field and creates nothing.
        Http.Response bad = Http.postJson(tokens(accountA), realm.userToken(adminA), Map.of("name", ""));
        assertEquals(400, bad.status(), bad::toString);
        assertTrue(bad.body().contains("name"), bad::toString);
        Http.Response twice = Http.postJson(tokens(accountA), realm.userToken(adminA), Map.of("name", "Entra ID"));
        assertEquals(409, twice.status(), twice::toString);
        assertEquals(1, Http.get(tokens(accountA), realm.userToken(adminA)).json().get("tokens").size());

        assertEquals(200, scimGet(aliasA, secret, "/ServiceProviderConfig").status());
        Http.Response revoked = Http.delete(tokens(accountA) + "/" + created.json().get("id").asText(), realm.userToken(adminA));
        assertEquals(204, revoked.status(), revoked::toString);
        assertEquals("revoked", Http.get(tokens(accountA), realm.userToken(adminA)).json().get("tokens").get(0).get("status").asText());
        Http.Response afterRevoke = scimGet(aliasA, secret, "/Users");
        assertEquals(401, afterRevoke.status(), "a revoked token: " + afterRevoke);
        assertTrue(afterRevoke.body().contains("urn:ietf:params:scim:api:messages:2.0:Error"), afterRevoke::toString);
    }

    @Test
    void theDenyMatrixATokenActsInItsAccountAndThroughScimOnly() throws Exception {
        String secretA = token(accountA, adminA, "okta");
        String secretB = token(accountB, adminB, "entra");
        ScimService scimA = sdk(aliasA, secretA);
        UserResource inA = scimA.create("Users", user("deny"));

        // Token of B on A's account and on A's person: 404, as if neither existed.
        assertEquals(404, scimGet(aliasA, secretB, "/Users").status());
        assertEquals(404, scimGet(aliasA, secretB, "/Users/" + inA.getId()).status());
        assertEquals(404, scimGet(aliasB, secretB, "/Users/" + inA.getId()).status(), "A's person in B's own path");
        Http.Response search = scimGet(aliasB, secretB, "/Users?filter=" + encode("userName eq \"" + inA.getUserName() + "\""));
        assertEquals(200, search.status(), search::toString);
        assertEquals(0, search.json().get("totalResults").asInt(), "a match in another account is no match");
        Http.Response patch = Http.send("PATCH", scim(aliasB) + "/Users/" + inA.getId(), secretB, "application/scim+json",
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]}");
        assertEquals(404, patch.status(), patch::toString);
        assertEquals(404, Http.delete(scim(aliasB) + "/Users/" + inA.getId(), secretB).status());
        assertTrue(realm.adminGet("/users/" + inA.getId()).get("enabled").asBoolean());

        // No token, a realm access token, a made-up token: 401. The SCIM token on /mx and the admin API: 401.
        assertEquals(401, scimGet(aliasA, null, "/Users").status());
        assertEquals(401, scimGet(aliasA, realm.userToken(adminA), "/Users").status());
        assertEquals(401, scimGet(aliasA, "mxscim_" + UUID.randomUUID() + "." + "x".repeat(43), "/Users").status());
        assertEquals(401, Http.get(realm.url("/mx/me"), secretA).status());
        assertEquals(401, Http.get(people(accountA), secretA).status());
        assertEquals(401, Http.get(realm.adminUrl("/users"), secretA).status());
    }

    @Test
    void theSdkProvisionsFiltersDeactivatesAndRemovesAPersonWithEveryChangeTraced() throws Exception {
        String secret = token(accountA, adminA, "Entra ID provisioning");
        ScimService scim = sdk(aliasA, secret);

        assertTrue(scim.getServiceProviderConfig().getPatch().isSupported());
        List<String> types = new ArrayList<>();
        for (ResourceTypeResource type : scim.getResourceTypes().getResources()) {
            types.add(type.getName());
        }
        assertEquals(List.of("User", "Group"), types);
        assertEquals(2, scim.getSchemas().getTotalResults());

        UserResource joiner = user("joiner");
        joiner.setExternalId("entra-42");
        UserResource created = scim.create("Users", joiner);
        assertNotNull(created.getId());
        assertTrue(created.getActive());
        String id = created.getId();
        assertEquals(id, scim.retrieve("Users", id, UserResource.class).getId());
        assertEquals(1, search(scim, Filter.eq("userName", created.getUserName())).getTotalResults());
        assertEquals(1, search(scim, Filter.eq("externalId", "entra-42")).getTotalResults());
        assertEquals(1, scim.searchRequest("Users").filter("emails[type eq \"work\"].value eq \"" + created.getEmails().get(0).getValue() + "\"")
                .invoke(UserResource.class).getTotalResults());
        assertEquals(0, search(scim, Filter.eq("externalId", "entra-43")).getTotalResults());

        // A person of the account, marked provisioned.
        JsonNode person = Http.get(people(accountA) + "/" + id, realm.userToken(adminA)).json();
        assertTrue(person.get("provisioned").asBoolean(), person::toString);

        // A group is a role template of the account.
        GroupResource planners = scim.create("Groups", new GroupResource().setDisplayName("planner")
                .setMembers(List.of(new Member().setValue(id))));
        assertEquals(List.of("planner"), realm.templatesIn(accountA, id));
        scim.modifyRequest("Groups", planners.getId()).removeValues("members[value eq \"" + id + "\"]").invoke(GroupResource.class);
        assertEquals(List.of(), realm.templatesIn(accountA, id));
        scim.modifyRequest("Groups", planners.getId()).addValues("members", new Member().setValue(id)).invoke(GroupResource.class);
        assertEquals(List.of("planner"), realm.templatesIn(accountA, id));

        // A leaver: active false is the bundle's deactivation (the person's only account); records kept.
        UserResource left = scim.modifyRequest("Users", id).replaceValue("active", false).invoke(UserResource.class);
        assertFalse(left.getActive());
        JsonNode user = realm.adminGet("/users/" + id);
        assertFalse(user.get("enabled").asBoolean(), user::toString);
        assertTrue(user.path("attributes").has("mx.deactivated"), user::toString);
        assertTrue(Http.get(people(accountA) + "/" + id, realm.userToken(adminA)).json().get("deactivated").asBoolean());
        UserResource back = scim.modifyRequest("Users", id).replaceValue("active", true).invoke(UserResource.class);
        assertTrue(back.getActive());
        assertTrue(realm.adminGet("/users/" + id).get("enabled").asBoolean());

        // Replace through the SDK (PUT): names change for a person whose only account this is.
        back.setName(new Name().setGivenName("Jo").setFamilyName("Renamed"));
        UserResource replaced = scim.replace(back);
        assertEquals("Renamed", replaced.getName().getFamilyName());
        assertEquals("Renamed", realm.adminGet("/users/" + id).get("lastName").asText());

        // DELETE: out of the account, the user (and every record) stays.
        scim.delete("Users", id);
        assertEquals(404, Http.get(realm.adminUrl("/organizations/" + accountA + "/members/" + id), realm.adminToken()).status());
        assertEquals(id, realm.adminGet("/users/" + id).get("id").asText());
        assertEquals(404, scimGet(aliasA, secret, "/Users/" + id).status());

        // Every write: an admin event whose actor is the token's name.
        JsonNode events = realm.adminGet("/admin-events?resourceTypes=CUSTOM&max=200");
        List<String> operations = new ArrayList<>();
        for (JsonNode event : events) {
            if (event.path("resourcePath").asText().contains("/scim/v2/") && event.path("resourcePath").asText().contains(accountA)) {
                assertEquals("Entra ID provisioning", event.path("authDetails").path("clientId").asText(), event::toString);
                operations.add(event.get("operationType").asText());
            }
        }
        assertTrue(operations.containsAll(List.of("CREATE", "UPDATE", "DELETE")), operations::toString);
        assertTrue(operations.size() >= 8, operations::toString);
    }

    @Test
    void aPersonOfAnotherAccountIsLinkedWithoutRevealingOrChangingAnythingThere() throws Exception {
        String contractor = realm.accountPerson(accountB, "scim-contractor");
        realm.grantTemplate(accountB, contractor, "stores");
        JsonNode before = realm.adminGet("/users/" + contractor);
        String email = before.get("email").asText();
        ScimService scim = sdk(aliasA, token(accountA, adminA, "okta"));

        Http.Response linked = Http.send("POST", scim(aliasA) + "/Users", secretOf(scim), "application/scim+json",
                Http.toJson(Map.of("schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:User"),
                        "userName", email, "externalId", "okta-7",
                        "name", Map.of("givenName", "Other", "familyName", "Names"),
                        "emails", List.of(Map.of("value", email, "type", "work", "primary", true)))));
        assertEquals(201, linked.status(), linked::toString);
        assertEquals(contractor, linked.json().get("id").asText(), "linked, not duplicated");
        assertFalse(linked.body().contains(accountB) || linked.body().contains(aliasB) || linked.body().contains("stores"),
                linked::toString);
        assertEquals(List.of("stores"), realm.templatesIn(accountB, contractor));
        assertEquals(before.get("lastName").asText(), realm.adminGet("/users/" + contractor).get("lastName").asText(),
                "A's directory does not rename B's person");

        // active false: suspended in A only; B's person keeps working and keeps B's templates.
        scim.create("Groups", new GroupResource().setDisplayName("planner").setMembers(List.of(new Member().setValue(contractor))));
        assertEquals(List.of("planner"), realm.templatesIn(accountA, contractor));
        UserResource off = scim.modifyRequest("Users", contractor).replaceValue("active", false).invoke(UserResource.class);
        assertFalse(off.getActive());
        assertTrue(realm.adminGet("/users/" + contractor).get("enabled").asBoolean(), "not deactivated realm-wide");
        assertEquals(List.of(), realm.templatesIn(accountA, contractor));
        assertEquals(List.of("stores"), realm.templatesIn(accountB, contractor));
        UserResource on = scim.modifyRequest("Users", contractor).replaceValue("active", true).invoke(UserResource.class);
        assertTrue(on.getActive());
        assertEquals(List.of("planner"), realm.templatesIn(accountA, contractor), "A's templates are back");

        // DELETE removes the person from A only.
        scim.delete("Users", contractor);
        assertEquals(List.of("stores"), realm.templatesIn(accountB, contractor));
        assertEquals(200, Http.get(realm.adminUrl("/organizations/" + accountB + "/members/" + contractor), realm.adminToken()).status());
    }

    @Test
    void aPrivilegedTemplateOnlyWhereTheAccountAllowsItAndThenWithTheWarning() throws Exception {
        String allowing = realm.createAccount("scim-priv", true, Map.of("mx.scim.privileged-templates", List.of("allow")));
        String alias = realm.adminGet("/organizations/" + allowing).get("alias").asText();
        String admin = realm.accountPerson(allowing, "scim-priv-admin", "account-administrator");
        ScimService scim = sdk(alias, token(allowing, admin, "privileged-directory"));
        UserResource person = scim.create("Users", user("priv"));
        scim.create("Groups", new GroupResource().setDisplayName("account-administrator")
                .setMembers(List.of(new Member().setValue(person.getId()))));
        assertEquals(List.of("account-administrator"), realm.templatesIn(allowing, person.getId()));

        boolean warned = false;
        for (JsonNode event : realm.adminGet("/admin-events?resourceTypes=CUSTOM&operationTypes=ACTION&max=200")) {
            if (event.path("resourcePath").asText().contains(allowing) && event.path("representation").asText().contains(person.getId())
                    && event.path("representation").asText().contains("privileged role template granted")) {
                assertEquals("privileged-directory", event.path("authDetails").path("clientId").asText(), event::toString);
                warned = true;
            }
        }
        assertTrue(warned, "the privileged-grant warning names the token");
    }

    @Test
    void theAccountDecidesWhetherAProvisionedPersonGetsTheInvitationMail() throws Exception {
        String settings = settings(accountA);
        JsonNode defaults = Http.get(settings, realm.userToken(adminA)).json();
        assertEquals("identity-provider", defaults.get("onboarding").asText(), defaults::toString);
        ScimService scim = sdk(aliasA, token(accountA, adminA, "Entra ID"));

        // Default: the organisation's identity provider; no mail.
        UserResource quiet = scim.create("Users", user("idp"));
        assertEquals(List.of(), Mail.to(quiet.getUserName()), "no invitation without the account's choice");
        assertEquals("none", Http.get(people(accountA) + "/" + quiet.getId(), realm.userToken(adminA)).json()
                .get("invitation").get("status").asText());

        // The administrator chooses the invitation mail: the next person gets the bundle's invitation.
        Http.Response chosen = Http.putJson(settings, realm.userToken(adminA), Map.of("onboarding", "invitation"));
        assertEquals(200, chosen.status(), chosen::toString);
        assertEquals("invitation", chosen.json().get("onboarding").asText());
        UserResource invited = scim.create("Users", user("mail"));
        Mail.await(invited.getUserName(), 1, java.time.Duration.ofSeconds(30));
        JsonNode person = Http.get(people(accountA) + "/" + invited.getId(), realm.userToken(adminA)).json();
        assertEquals("pending", person.get("invitation").get("status").asText(), person::toString);
        // A person created inactive is not invited.
        UserResource inactive = scim.create("Users", user("inactive").setActive(false));
        assertEquals(List.of(), Mail.to(inactive.getUserName()));

        // active false: the people API's deactivation, which revokes the pending invitation too.
        scim.modifyRequest("Users", invited.getId()).replaceValue("active", false).invoke(UserResource.class);
        person = Http.get(people(accountA) + "/" + invited.getId(), realm.userToken(adminA)).json();
        assertTrue(person.get("deactivated").asBoolean(), person::toString);
        assertEquals("revoked", person.get("invitation").get("status").asText(), person::toString);
        boolean revokedByToken = false;
        for (JsonNode event : realm.adminGet("/admin-events?resourceTypes=CUSTOM&max=300")) {
            if (event.path("resourcePath").asText().equals("mx/invitations/" + invited.getId())
                    && "revoked".equals(event.path("details").path("mx_invitation").asText())) {
                assertEquals("Entra ID", event.path("authDetails").path("clientId").asText(), event::toString);
                revokedByToken = true;
            }
        }
        assertTrue(revokedByToken, "the revocation is an event with the token's name as actor");

        // Bad input: 400 naming the field, nothing changed.
        Http.Response bad = Http.putJson(settings, realm.userToken(adminA), Map.of("onboarding", "mail"));
        assertEquals(400, bad.status(), bad::toString);
        assertTrue(bad.body().contains("onboarding"), bad::toString);
        Http.Response unknown = Http.putJson(settings, realm.userToken(adminA), Map.of("sendMail", true));
        assertEquals(400, unknown.status(), unknown::toString);
        assertTrue(unknown.body().contains("sendMail"), unknown::toString);
        assertEquals("invitation", Http.get(settings, realm.userToken(adminA)).json().get("onboarding").asText());

        // Deny: another account's administrator 404, an auditor of A 403; nothing changed.
        assertEquals(404, Http.get(settings, realm.userToken(adminB)).status());
        assertEquals(404, Http.putJson(settings, realm.userToken(adminB), Map.of("onboarding", "identity-provider")).status());
        String auditor = realm.accountPerson(accountA, "scim-set-auditor", "auditor");
        assertEquals(403, Http.putJson(settings, realm.userToken(auditor), Map.of("onboarding", "identity-provider")).status());
        assertEquals("invitation", Http.get(settings, realm.userToken(adminA)).json().get("onboarding").asText());
        assertEquals("identity-provider", Http.get(settings(accountB), realm.userToken(adminB)).json().get("onboarding").asText(),
                "B's setting is B's");
    }

    @Test
    void theAdministratorMapsDirectoryGroupsToTemplates() throws Exception {
        String settings = settings(accountA);
        Http.Response mapped = Http.putJson(settings, realm.userToken(adminA),
                Map.of("groupMapping", List.of(Map.of("group", "MRO Planners", "template", "planner"))));
        assertEquals(200, mapped.status(), mapped::toString);
        assertEquals("planner", mapped.json().get("groupMapping").get(0).get("template").asText());
        ScimService scim = sdk(aliasA, token(accountA, adminA, "okta"));
        UserResource planner = scim.create("Users", user("mapped"));
        scim.create("Groups", new GroupResource().setDisplayName("MRO Planners").setMembers(List.of(new Member().setValue(planner.getId()))));
        assertEquals(List.of("planner"), realm.templatesIn(accountA, planner.getId()));

        // A template that does not exist, a privileged one the account does not allow, a name twice: 400, unchanged.
        for (Object bad : List.of(
                List.of(Map.of("group", "X", "template", "no-such-template")),
                List.of(Map.of("group", "Admins", "template", "account-administrator")),
                List.of(Map.of("group", "X", "template", "planner"), Map.of("group", "x", "template", "stores")),
                "MRO Planners=planner")) {
            Http.Response refused = Http.putJson(settings, realm.userToken(adminA), Map.of("groupMapping", bad));
            assertEquals(400, refused.status(), refused::toString);
            assertTrue(refused.body().contains("groupMapping"), refused::toString);
        }
        JsonNode now = Http.get(settings, realm.userToken(adminA)).json();
        assertEquals(1, now.get("groupMapping").size(), now::toString);
        assertEquals("MRO Planners", now.get("groupMapping").get(0).get("group").asText());
        assertFalse(now.get("privilegedTemplatesAllowed").asBoolean());
        List<String> kinds = new ArrayList<>();
        for (JsonNode event : realm.adminGet("/admin-events?resourceTypes=CUSTOM&max=300")) {
            if (event.path("resourcePath").asText().equals("accounts/" + accountA + "/provisioning-settings")) {
                kinds.add(event.path("details").path("mx_kind").asText());
            }
        }
        assertEquals(List.of("MX_SCIM_SETTINGS"), kinds, "one event for the one change");
    }

    @Test
    void badInputIsAScimErrorNamingTheProblemAndChangesNothing() throws Exception {
        String secret = token(accountA, adminA, "bad-input");
        ScimService scim = sdk(aliasA, secret);
        UserResource existing = scim.create("Users", user("clash"));
        String fresh = "fresh-" + UUID.randomUUID().toString().substring(0, 8) + "@mro.example";
        String userSchema = "\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"]";
        String names = "\"name\":{\"givenName\":\"A\",\"familyName\":\"B\"}";

        assertScimError(post(aliasA, secret, "{\"schemas\":[\"urn:example:unknown\"],\"userName\":\"" + fresh + "\"," + names + "}"),
                400, "invalidSyntax", "schemas");
        assertScimError(post(aliasA, secret, "{" + userSchema + ",\"userName\":\"" + fresh + "\"," + names + ",\"active\":\"maybe\"}"),
                400, "invalidValue", "active");
        assertScimError(post(aliasA, secret, "{" + userSchema + ",\"userName\":42," + names + "}"), 400, "invalidValue", "userName");
        assertScimError(post(aliasA, secret, "{" + userSchema + ",\"userName\":\"" + fresh + "\",\"name\":\"A B\"}"),
                400, "invalidValue", "name");
        assertScimError(post(aliasA, secret, "{" + userSchema + ",\"userName\":\"" + existing.getUserName() + "\"," + names + "}"),
                409, "uniqueness", "userName");
        assertScimError(post(aliasA, secret, "{" + userSchema + ",\"userName\":\"" + fresh + "\"," + names
                + ",\"title\":\"" + "x".repeat(70_000) + "\"}"), 413, null, "bytes");
        assertScimError(post(aliasA, secret, "{not json"), 400, "invalidSyntax", "JSON");
        assertScimError(scimGet(aliasA, secret, "/Users?filter=" + encode("userName co \"x\"")), 400, "invalidFilter", "filter");
        assertScimError(scimGet(aliasA, secret, "/Users?filter=" + encode("title eq \"x\"")), 400, "invalidFilter", "title");
        assertScimError(scimGet(aliasA, secret, "/Users?count=ten"), 400, "invalidValue", "count");
        assertScimError(Http.send("PATCH", scim(aliasA) + "/Users/" + existing.getId(), secret, "application/scim+json",
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":\"maybe\"}]}"),
                400, "invalidValue", "active");
        assertScimError(post(aliasA, secret, "/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                + "\"displayName\":\"no-such-template\"}"), 400, "invalidValue", "displayName");
        assertScimError(post(aliasA, secret, "/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                + "\"displayName\":\"account-administrator\"}"), 400, "invalidValue", "privileged");

        // Nothing changed: no new person, the existing one as it was.
        assertEquals(0, search(scim, Filter.eq("userName", fresh)).getTotalResults());
        assertEquals(2, scim.searchRequest("Users").invoke(UserResource.class).getTotalResults(), "the administrator and the one person");
        ScimException error = assertThrows(ScimException.class, () -> scim.retrieve("Users", UUID.randomUUID().toString(), UserResource.class));
        assertEquals(404, error.getScimError().getStatus().intValue());
    }

    // ------------------------------------------------------------------------------------

    private static void assertScimError(Http.Response response, int status, String scimType, String detailMentions) {
        assertEquals(status, response.status(), response::toString);
        JsonNode body = response.json();
        assertEquals("urn:ietf:params:scim:api:messages:2.0:Error", body.path("schemas").path(0).asText(), response::toString);
        assertEquals(String.valueOf(status), body.path("status").asText(), response::toString);
        if (scimType != null) {
            assertEquals(scimType, body.path("scimType").asText(), response::toString);
        }
        assertTrue(body.path("detail").asText().contains(detailMentions), response::toString);
    }

    private ListResponse<UserResource> search(ScimService scim, Filter filter) throws ScimException {
        return scim.searchRequest("Users").filter(filter).invoke(UserResource.class);
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static UserResource user(String prefix) {
        String email = prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@mro.example";
        return new UserResource().setUserName(email)
                .setName(new Name().setGivenName("Scim").setFamilyName(prefix))
                .setEmails(List.of(new Email().setValue(email).setType("work").setPrimary(true)));
    }

    private String token(String account, String admin, String name) {
        Http.Response created = Http.postJson(tokens(account), realm.userToken(admin), Map.of("name", name));
        assertEquals(201, created.status(), created::toString);
        return created.json().get("secret").asText();
    }

    private final Map<ScimService, String> secrets = new java.util.IdentityHashMap<>();

    private ScimService sdk(String alias, String secret) {
        Client client = ClientBuilder.newClient(new ClientConfig().connectorProvider(new JavaNetHttpConnectorProvider()))
                .register((jakarta.ws.rs.client.ClientRequestFilter) request ->
                        request.getHeaders().putSingle("Authorization", "Bearer " + secret));
        clients.add(client);
        ScimService service = new ScimService(client.target(scim(alias)));
        secrets.put(service, secret);
        return service;
    }

    private String secretOf(ScimService service) {
        return secrets.get(service);
    }

    private String scim(String alias) {
        return realm.url("/mx/accounts/" + alias + "/scim/v2");
    }

    private String settings(String account) {
        return realm.url("/mx/accounts/" + account + "/provisioning-settings");
    }

    private String tokens(String account) {
        return realm.url("/mx/accounts/" + account + "/scim-tokens");
    }

    private String people(String account) {
        return realm.url("/mx/accounts/" + account + "/people");
    }

    private Http.Response scimGet(String alias, String bearer, String path) {
        return Http.get(scim(alias) + path, bearer);
    }

    private Http.Response post(String alias, String secret, String body) {
        return post(alias, secret, "/Users", body);
    }

    private Http.Response post(String alias, String secret, String path, String body) {
        return Http.send("POST", scim(alias) + path, secret, "application/scim+json", body);
    }
}

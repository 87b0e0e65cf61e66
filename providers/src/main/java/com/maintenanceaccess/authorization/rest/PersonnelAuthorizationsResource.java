package com.maintenanceaccess.authorization.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.maintenanceaccess.authorization.ApprovedGrant;
import com.maintenanceaccess.authorization.AuthorizationChangeListener;
import com.maintenanceaccess.authorization.AuthorizationEvents;
import com.maintenanceaccess.authorization.IssuingAccount;
import com.maintenanceaccess.kernel.AccountPermission;
import com.maintenanceaccess.kernel.Authority;
import com.maintenanceaccess.kernel.JsonBody;
import com.maintenanceaccess.kernel.Problems;
import com.maintenanceaccess.approval.Approval;
import com.maintenanceaccess.approval.Approvals;
import com.maintenanceaccess.authorization.AuthorizationFeature;
import com.maintenanceaccess.authorization.model.AuthorizationCodec;
import com.maintenanceaccess.authorization.model.AuthorizationJson;
import com.maintenanceaccess.authorization.model.AuthorizationStore;
import com.maintenanceaccess.authorization.model.AuthorizationStore.Stored;
import com.maintenanceaccess.authorization.model.AuthorizationVersion;
import com.maintenanceaccess.kernel.Problems.Problem;
import com.maintenanceaccess.authorization.model.InvalidAuthorizationException;
import com.maintenanceaccess.authorization.model.PersonnelAuthorization;
import com.maintenanceaccess.authorization.rules.AuthorizationChanges;
import com.maintenanceaccess.authorization.rules.AuthorizationChanges.Change;
import com.maintenanceaccess.authorization.rules.AuthorizationChanges.NoSuchAuthorizationException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Set;
import java.util.function.Function;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * {@code /realms/{realm}/mx/users/{id}/authorizations}: one person's records. Reading: a
 * compliance officer or auditor of the person's account (or a realm operator with view-users);
 * every write: a compliance officer of the person's account (or a realm operator with
 * manage-users and {@value com.maintenanceaccess.kernel.Authority#REALM_COMPLIANCE_ROLE}), never on one's own records;
 * validates, stores in the request transaction and emits one event. Outside the caller's
 * accounts the person does not exist (404).
 */
@Produces(MediaType.APPLICATION_JSON)
public class PersonnelAuthorizationsResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final Authority caller;
    private final String userId;
    private final AuthorizationFeature feature;
    private final Approvals approvals;
    private final AuthorizationChangeListener listener;

    /** {@code listener}: who hears of each write once it is stored (the person, by a notice). */
    public PersonnelAuthorizationsResource(KeycloakSession session, Authority caller, String userId, Approvals approvals,
                                           AuthorizationChangeListener listener) {
        this.approvals = approvals;
        this.listener = listener;
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.caller = caller;
        this.userId = userId;
        this.feature = AuthorizationFeature.of(session);
    }

    /** The person's records the caller may read: those of the accounts they read in (an operator: all). */
    @GET
    public ArrayNode list() {
        UserModel person = caller.user(userId, AccountPermission.VIEW_AUTHORIZATIONS);
        Instant now = feature.clock().instant();
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        AuthorizationStore.read(person).records().stream()
                .filter(a -> caller.mayOnRecord(person, a.account(), AccountPermission.VIEW_AUTHORIZATIONS))
                .forEach(a -> list.add(view(a, person, now)));
        return list;
    }

    @GET
    @Path("{authorizationId}")
    public Response get(@PathParam("authorizationId") String authorizationId) {
        UserModel person = caller.user(userId, AccountPermission.VIEW_AUTHORIZATIONS);
        PersonnelAuthorization a = AuthorizationChanges.byId(AuthorizationStore.read(person).records(), authorizationId)
                .filter(r -> caller.mayOnRecord(person, r.account(), AccountPermission.VIEW_AUTHORIZATIONS))
                .orElseThrow(() -> notFound("authorization"));
        return Response.ok(view(a, person, feature.clock().instant()))
                .header(HttpHeaders.ETAG, AuthorizationVersion.of(a)).build();
    }

    /**
     * Issued by the account named in the body ({@code "account"}, id or alias) or, when the caller
     * grants in only one account of the person's, by that one (400 naming {@code account} otherwise).
     * A type the catalog marks {@code requiresSecondPerson}, granted by an account person, is
     * checked in full and then waits for a second compliance officer of the account: 202 with the
     * pending approval, no record yet (docs/authorizations.md, "Four eyes").
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response grant(String body) {
        if (!AccountPermission.MANAGE_AUTHORIZATIONS.grantedToOperator(caller)) {
            UserModel person = caller.user(userId, AccountPermission.MANAGE_AUTHORIZATIONS);
            caller.requireNotSelf(person, NOT_SELF);
            JsonNode json = JsonBody.object(body);
            JsonNode type = json.get("type");
            if (type != null && type.isTextual() && feature.catalog().type(type.asText())
                    .map(t -> t.requiresSecondPerson()).orElse(false)) {
                return requestApproval(person, json);
            }
        }
        Response written = change(null, person -> {
            JsonNode json = JsonBody.object(body);
            String account = caller.issuingAccount(person, accountField(json), AccountPermission.MANAGE_AUTHORIZATIONS).getId();
            return records -> feature.changes().grant(records, read(json).withAccount(account), caller.user().getUsername());
        });
        return Response.status(Response.Status.CREATED).entity(written.getEntity())
                .header(HttpHeaders.ETAG, written.getHeaderString(HttpHeaders.ETAG)).build();
    }

    @PUT
    @Path("{authorizationId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("authorizationId") String authorizationId,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, String body) {
        return change(ifMatch, person -> {
            PersonnelAuthorization stored = target(person, authorizationId);
            JsonNode json = JsonBody.object(body);
            String account = accountField(json);
            if (account != null && !sameAccount(account, stored.account())) {
                throw Problems.invalid("account", "a record stays in the account that issued it");
            }
            return records -> feature.changes().update(records, authorizationId, read(json));
        });
    }

    /**
     * Corrects a record entered wrong, with a reason: body {@code {"reason": "…", "authorization": {…the
     * record's fields, as for a grant}}}. The record keeps its id, type and issuing account; the event
     * and the trail entry hold the reason and the record before and after with their versions.
     * Compliance officer of the record's account (another account's record: 404); 400 naming the field.
     */
    @POST
    @Path("{authorizationId}/correct")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response correct(@PathParam("authorizationId") String authorizationId,
                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, String body) {
        String[] reason = new String[1];
        return change(ifMatch, person -> {
            PersonnelAuthorization stored = target(person, authorizationId);
            JsonNode json = JsonBody.object(body, true, Set.of("reason", "authorization"));
            JsonNode given = json.get("reason");
            if (given == null || given.isNull() || !given.isTextual() || given.asText().isBlank()) {
                throw Problems.invalid("reason", "a correction needs a reason");
            }
            reason[0] = given.asText().trim();
            JsonNode record = json.get("authorization");
            if (record == null || !record.isObject()) {
                throw Problems.invalid("authorization", "must be the corrected record (an object)");
            }
            String account = accountField(record);
            if (account != null && !sameAccount(account, stored.account())) {
                throw Problems.invalid("account", "a record stays in the account that issued it");
            }
            return records -> feature.changes().correct(records, authorizationId, read(record), reason[0]);
        }, () -> reason[0]);
    }

    @POST
    @Path("{authorizationId}/suspend")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response suspend(@PathParam("authorizationId") String authorizationId,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, String body) {
        return change(ifMatch, person -> {
            target(person, authorizationId);
            return records -> feature.changes().suspend(records, authorizationId, reason(body));
        });
    }

    @POST
    @Path("{authorizationId}/reinstate")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response reinstate(@PathParam("authorizationId") String authorizationId,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, String body) {
        return change(ifMatch, person -> {
            target(person, authorizationId);
            return records -> feature.changes().reinstate(records, authorizationId, reason(body));
        });
    }

    @POST
    @Path("{authorizationId}/revoke")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response revoke(@PathParam("authorizationId") String authorizationId,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, String body) {
        return change(ifMatch, person -> {
            target(person, authorizationId);
            return records -> feature.changes().revoke(records, authorizationId, reason(body));
        });
    }

    /** Checks the grant as if made now (400 as a grant would), then records it as waiting for a second person. */
    private Response requestApproval(UserModel person, JsonNode json) {
        var account = caller.issuingAccount(person, accountField(json), AccountPermission.MANAGE_AUTHORIZATIONS);
        PersonnelAuthorization input = read(json).withAccount(account.getId());
        Change checked;
        try {
            checked = feature.changes().grant(AuthorizationStore.read(person).records(), input, caller.user().getUsername());
        } catch (InvalidAuthorizationException e) {
            throw invalid(e.errors());
        }
        Approval approval = approvals.request(caller, account, Approval.Kind.AUTHORIZATION, person,
                AuthorizationCodec.encode(checked.after()), ApprovedGrant.keyOf(checked.after()));
        return Response.status(Response.Status.ACCEPTED)
                .entity(java.util.Map.of("status", "pending", "approval", approvals.view(approval, caller, account)))
                .build();
    }

    private static final String NOT_SELF = "nobody changes their own personnel authorizations, so another compliance"
            + " officer of the account does it";

    /**
     * Permission, person, separation of duties, the record's account (in {@code planned}, which
     * answers the operation once it has checked them), rules, the version the caller read (If-Match);
     * then store and emit one event. Answers the written record with its new version (ETag).
     */
    private Response change(String ifMatch,
                            Function<UserModel, Function<java.util.List<PersonnelAuthorization>, Change>> planned) {
        return change(ifMatch, planned, () -> null);
    }

    /** As above; {@code reason} (read once {@code planned} ran) goes with the event and the trail entry. */
    private Response change(String ifMatch,
                            Function<UserModel, Function<java.util.List<PersonnelAuthorization>, Change>> planned,
                            java.util.function.Supplier<String> reason) {
        UserModel person = caller.user(userId, AccountPermission.MANAGE_AUTHORIZATIONS);
        caller.requireNotSelf(person, NOT_SELF);
        Function<java.util.List<PersonnelAuthorization>, Change> operation = planned.apply(person);
        Stored stored = AuthorizationStore.read(person);
        Change change;
        try {
            change = operation.apply(stored.records());
        } catch (InvalidAuthorizationException e) {
            throw invalid(e.errors());
        } catch (NoSuchAuthorizationException e) {
            throw notFound("authorization");
        }
        if (change.before() != null && !AuthorizationVersion.matches(ifMatch, change.before())) {
            throw new jakarta.ws.rs.WebApplicationException(Problems.refused(412, "conflict",
                    "authorization " + change.before().id() + " was changed since you read it (now version "
                    + AuthorizationVersion.of(change.before()) + "): reload it and apply your change again."));
        }
        AuthorizationStore.write(person, stored, change.records());
        AuthorizationEvents.emit(session, realm, caller.adminAuth(), caller.user() == null ? null : caller.user().getId(), person, change.action(), change.before(), change.after(), "mx-api",
                null, reason.get());
        // t25-notices: the person hears of the change once it is committed (docs/notices.md).
        listener.changed(session, realm, person, change.action(), change.after(), feature.clock());
        return Response.ok(view(change.after(), person, feature.clock().instant()))
                .header(HttpHeaders.ETAG, AuthorizationVersion.of(change.after())).build();
    }

    /**
     * The record a write acts on: another account's record (or one with no issuing account, for
     * anybody but an operator) is 404 as an unknown id; one the caller reads but may not change, 403.
     */
    private PersonnelAuthorization target(UserModel person, String authorizationId) {
        PersonnelAuthorization a = AuthorizationChanges.byId(AuthorizationStore.read(person).records(), authorizationId)
                .filter(r -> caller.mayOnRecord(person, r.account(), AccountPermission.VIEW_AUTHORIZATIONS)
                        || caller.mayOnRecord(person, r.account(), AccountPermission.MANAGE_AUTHORIZATIONS))
                .orElseThrow(() -> notFound("authorization"));
        if (!caller.mayOnRecord(person, a.account(), AccountPermission.MANAGE_AUTHORIZATIONS)) {
            throw Problems.forbidden(AccountPermission.MANAGE_AUTHORIZATIONS.missing());
        }
        return a;
    }

    private ObjectNode view(PersonnelAuthorization a, UserModel person, Instant now) {
        return IssuingAccount.describe(session, feature.view(a, person.isEnabled(), now), a.account());
    }

    /** The body's {@code account}: an id or alias, or the API's own {@code {"id": …}} form; null when absent. */
    private static String accountField(JsonNode body) {
        JsonNode account = body.get("account");
        if (account == null || account.isNull()) {
            return null;
        }
        if (account.isObject() && account.path("id").isTextual()) {
            return account.path("id").asText();
        }
        if (!account.isTextual() || account.asText().isBlank()) {
            throw Problems.invalid("account", "must be the id or alias of an account");
        }
        return account.asText().trim();
    }

    private boolean sameAccount(String idOrAlias, String accountId) {
        var found = caller.findAccount(idOrAlias);
        return found != null && found.getId().equals(accountId);
    }

    private static PersonnelAuthorization read(JsonNode body) {
        try {
            return AuthorizationJson.read(body);
        } catch (InvalidAuthorizationException e) {
            throw invalid(e.errors());
        }
    }

    private static String reason(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        JsonNode reason = JsonBody.object(body, false, Set.of("reason")).get("reason");
        if (reason != null && !reason.isNull() && !reason.isTextual()) {
            throw Problems.invalid("reason", "must be a string");
        }
        return reason == null || reason.isNull() ? null : reason.asText();
    }

    private jakarta.ws.rs.WebApplicationException notFound(String what) {
        return new jakarta.ws.rs.WebApplicationException(Problems.status(404, "not_found",
                "no such " + what + " of user '" + userId + "'"));
    }

    static jakarta.ws.rs.WebApplicationException invalid(java.util.List<Problem> errors) {
        return Problems.invalid(errors);
    }
}

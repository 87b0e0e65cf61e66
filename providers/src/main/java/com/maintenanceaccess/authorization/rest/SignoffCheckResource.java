package com.maintenanceaccess.authorization.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.maintenanceaccess.kernel.Authority;
import com.maintenanceaccess.kernel.JsonBody;
import com.maintenanceaccess.kernel.Problems;
import com.maintenanceaccess.authorization.AuthorizationFeature;
import com.maintenanceaccess.authorization.model.AuthorizationStore;
import com.maintenanceaccess.authorization.model.PersonnelAuthorization;
import com.maintenanceaccess.authorization.rules.SignoffCheck;
import com.maintenanceaccess.authorization.rules.SignoffCheck.Decision;
import com.maintenanceaccess.authorization.rules.SignoffCheck.Reason;
import jakarta.annotation.Nullable;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * {@code POST /realms/{realm}/mx/signoff-check}: the maintenance app's backend (a confidential
 * client's service account holding {@value AuthorizationFeature#SIGNOFF_ROLE}) asks whether a
 * signer may sign off. The role counts only on a service account: a person who holds it (say,
 * mapped by an operator by mistake) is refused, so the check stays the backend's. Answers 200 with {@code allowed} and machine-readable {@code reasons}.
 * The check is for one account ({@code account}, required): the signer must be a member of it and
 * only the records it issued count.
 * Re-authentication of the signer is the app's part (a fresh login with max_age).
 */
@Produces(MediaType.APPLICATION_JSON)
public class SignoffCheckResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final Authority caller;
    private final AuthorizationFeature feature;

    public SignoffCheckResource(KeycloakSession session, Authority caller) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.caller = caller;
        this.feature = AuthorizationFeature.of(session);
    }

    /** What a check names; anything else is 400 (an ignored "account" once checked the wrong account). */
    private static final Set<String> FIELDS = Set.of("signer", "authorizationType", "aircraftType", "taskCategory",
            "performer", "performers", "time", "base", "account");

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public SignoffCheckAnswer check(String body) {
        if (caller.user().getServiceAccountClientLink() == null || !caller.hasRealmRole(AuthorizationFeature.SIGNOFF_ROLE)) {
            throw Problems.forbidden("the signoff check is for the service account of the maintenance app's backend,"
                    + " holding " + AuthorizationFeature.SIGNOFF_ROLE + ".");
        }
        JsonNode json = JsonBody.object(body, true, FIELDS);
        JsonBody.noNull(json, "performers");
        OrganizationModel account = account(json);
        SignoffCheck.Request request = request(json, account.getId());
        UserModel signer = session.users().getUserById(realm, request.signer());
        List<PersonnelAuthorization> records = signer == null ? List.of() : AuthorizationStore.read(signer).records();
        // A leaver (disabled or deactivated) is never allowed, whatever their records say; nor is
        // anybody who is not a member of the account (an unknown signer is just "missing").
        OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
        boolean member = signer == null || organizations.isMember(account, signer);
        Decision decision = feature.signoffCheck().decide(request, records, signer == null || signer.isEnabled(), member);

        PersonnelAuthorization used = decision.authorization();
        return new SignoffCheckAnswer(decision.allowed(), decision.reasons().stream().map(Reason::id).toList(),
                account.getId(), request.signer(), request.authorizationType(), request.time().toString(),
                used == null ? null : used.id(), used == null ? null : used.reference(),
                decision.candidates().stream().map(c -> new SignoffCandidate(c.authorization().id(),
                        // Another account's record: its reference is that organisation's, not this answer's.
                        c.reasons().contains(Reason.OUT_OF_ACCOUNT) ? null : c.authorization().reference(),
                        c.reasons().stream().map(Reason::id).toList())).toList());
    }

    /**
     * The answer: allowed and the machine-readable reasons, what was checked, the record that allows it
     * ({@code authorizationId} and {@code reference}, left out when none does) and every candidate record.
     */
    public record SignoffCheckAnswer(boolean allowed, List<String> reasons, String account, String signer,
                                     String authorizationType, String checkedAt, @Nullable String authorizationId,
                                     @Nullable String reference, List<SignoffCandidate> candidates) {
    }

    /** A record that was considered, and why it does not allow the signoff; another account's has its reference null. */
    public record SignoffCandidate(String authorizationId,
                                   @Nullable @JsonInclude(JsonInclude.Include.ALWAYS) String reference,
                                   List<String> reasons) {
    }

    /**
     * The account the signoff is made in ({@code account}, id or alias): required (400 naming it),
     * and one of this realm's (404 as for any unknown account otherwise).
     */
    private OrganizationModel account(JsonNode body) {
        String named = required(body, "account").trim();
        OrganizationModel account = caller.findAccount(named);
        if (account == null) {
            throw Problems.notFound("account", named);
        }
        return account;
    }

    private SignoffCheck.Request request(JsonNode body, String accountId) {
        String signer = required(body, "signer");
        String type = required(body, "authorizationType");
        if (feature.catalog().type(type).isEmpty()) {
            throw Problems.invalid("authorizationType", "unknown authorization type '" + type + "' (known: "
                    + feature.catalog().typeIds() + ")");
        }
        String aircraft = required(body, "aircraftType");
        String task = required(body, "taskCategory");
        Set<String> performers = new LinkedHashSet<>();
        JsonNode performer = body.get("performer");
        if (performer != null && !performer.isNull()) {
            if (!performer.isTextual()) {
                throw Problems.invalid("performer", "must be a user id");
            }
            performers.add(performer.asText());
        }
        JsonNode list = body.get("performers");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                throw Problems.invalid("performers", "must be a list of user ids");
            }
            list.forEach(p -> performers.add(p.asText()));
        }
        Instant time = feature.clock().instant();
        JsonNode t = body.get("time");
        if (t != null && !t.isNull()) {
            try {
                time = Instant.parse(t.asText());
            } catch (DateTimeParseException e) {
                throw Problems.invalid("time", "'" + t.asText() + "' is not an instant such as 2026-12-01T10:00:00Z");
            }
        }
        JsonNode base = body.get("base");
        return new SignoffCheck.Request(signer, type, aircraft, task, performers,
                base == null || base.isNull() ? null : base.asText(), time, accountId);
    }

    private static String required(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull() || !node.isTextual() || node.asText().isBlank()) {
            throw Problems.invalid(field, "is required");
        }
        return node.asText();
    }
}

package com.maintenanceaccess.me;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.maintenanceaccess.authorization.AuthorizationFeature;
import com.maintenanceaccess.authorization.IssuingAccount;
import com.maintenanceaccess.authorization.model.AuthorizationStore;
import com.maintenanceaccess.authorization.model.PersonnelAuthorization;
import com.maintenanceaccess.invitation.InvitationState;
import com.maintenanceaccess.invitation.PeopleInvitations;
import com.maintenanceaccess.kernel.Authority;
import jakarta.annotation.Nullable;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/**
 * {@code GET /mx/me/authorizations}: the caller's own personnel authorizations, each as the API's
 * record (with its state and whether the signoff check would accept it) and as one readable
 * sentence, and the caller's own invitation state; {@code accounts} groups them by the account
 * that issued them (a person in several accounts holds records of each). Anybody signed in reads their own, and only
 * their own: there is no user id to name.
 */
public class MyAuthorizationsResource {

    private final KeycloakSession session;
    private final Authority caller;

    public MyAuthorizationsResource(KeycloakSession session, Authority caller) {
        this.session = session;
        this.caller = caller;
    }

    /**
     * The caller's records and invitation state. The records are the authorization feature's views
     * (JSON objects, with the server's sentence {@code typeName} and {@code summary}); {@code accounts}
     * groups the same records by the account that issued them.
     */
    public record MyAuthorizations(String userId, String username, InvitationState invitation, List<ObjectNode> authorizations,
                                   List<IssuingAccountGroup> accounts) {
    }

    /** The records one account issued; id, alias and name are absent for the records of no account (last). */
    public record IssuingAccountGroup(@Nullable String id, @Nullable String alias, @Nullable String name,
                                      List<ObjectNode> authorizations) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public MyAuthorizations mine() {
        UserModel me = caller.user();
        AuthorizationFeature feature = AuthorizationFeature.of(session);
        Instant now = feature.clock().instant();
        AuthorizationText text = new AuthorizationText(feature.catalog());
        InvitationState invitation = PeopleInvitations.status(session, session.getContext().getRealm(), me);
        List<ObjectNode> records = new ArrayList<>();
        // The same records grouped by issuing account, in the order first met; records with no
        // issuing account (from before accounts issued them) last, as their own group.
        Map<String, List<ObjectNode>> byAccount = new LinkedHashMap<>();
        Map<String, ObjectNode> firstOfAccount = new LinkedHashMap<>();
        List<ObjectNode> unassigned = new ArrayList<>();
        for (PersonnelAuthorization record : AuthorizationStore.read(me).records()) {
            ObjectNode view = IssuingAccount.describe(session, feature.view(record, me.isEnabled(), now), record.account());
            view.put("typeName", text.typeName(record.type()));
            view.put("summary", text.summary(record, view.path("state").asText(), view.path("usableAtSignoff").asBoolean()));
            records.add(view);
            if (record.account() == null) {
                unassigned.add(view);
            } else {
                firstOfAccount.putIfAbsent(record.account(), view);
                byAccount.computeIfAbsent(record.account(), id -> new ArrayList<>()).add(view);
            }
        }
        List<IssuingAccountGroup> groups = new ArrayList<>();
        byAccount.forEach((id, views) -> groups.add(new IssuingAccountGroup(id,
                firstOfAccount.get(id).path("accountAlias").asText(null), firstOfAccount.get(id).path("accountName").asText(null),
                views)));
        if (!unassigned.isEmpty()) {
            groups.add(new IssuingAccountGroup(null, null, null, unassigned));
        }
        return new MyAuthorizations(me.getId(), me.getUsername(), invitation,
                records, groups);
    }
}

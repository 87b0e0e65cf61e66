package com.maintenanceaccess.me;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.maintenanceaccess.kernel.Authority;
import com.maintenanceaccess.authorization.AuthorizationFeature;
import com.maintenanceaccess.authorization.model.AuthorizationStore;
import com.maintenanceaccess.authorization.model.PersonnelAuthorization;
import com.maintenanceaccess.authorization.IssuingAccount;
import com.maintenanceaccess.invitation.PeopleInvitations;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.LinkedHashMap;
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

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode mine() {
        UserModel me = caller.user();
        AuthorizationFeature feature = AuthorizationFeature.of(session);
        Instant now = feature.clock().instant();
        AuthorizationText text = new AuthorizationText(feature.catalog());
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.put("userId", me.getId());
        answer.put("username", me.getUsername());
        Map<String, Object> invitation = PeopleInvitations.status(session, session.getContext().getRealm(), me);
        ObjectNode invitationNode = answer.putObject("invitation");
        invitation.forEach((key, value) -> invitationNode.put(key, value == null ? null : String.valueOf(value)));
        ArrayNode records = answer.putArray("authorizations");
        // The same records grouped by issuing account, in the order first met; records with no
        // issuing account (from before accounts issued them) last, as their own group.
        Map<String, ArrayNode> byAccount = new LinkedHashMap<>();
        ArrayNode groups = JsonNodeFactory.instance.arrayNode();
        ArrayNode unassigned = null;
        for (PersonnelAuthorization record : AuthorizationStore.read(me).records()) {
            ObjectNode view = IssuingAccount.describe(session, feature.view(record, me.isEnabled(), now), record.account());
            view.put("typeName", text.typeName(record.type()));
            view.put("summary", text.summary(record, view.path("state").asText(), view.path("usableAtSignoff").asBoolean()));
            records.add(view);
            if (record.account() == null) {
                unassigned = unassigned == null ? JsonNodeFactory.instance.arrayNode() : unassigned;
                unassigned.add(view);
            } else {
                byAccount.computeIfAbsent(record.account(), id -> {
                    ObjectNode group = groups.addObject();
                    group.put("id", id);
                    group.put("alias", view.path("accountAlias").asText(null));
                    group.put("name", view.path("accountName").asText(null));
                    return group.putArray("authorizations");
                }).add(view);
            }
        }
        if (unassigned != null) {
            ObjectNode group = groups.addObject();
            group.putNull("id");
            group.putNull("alias");
            group.putNull("name");
            group.set("authorizations", unassigned);
        }
        answer.set("accounts", groups);
        return answer;
    }
}

package com.maintenanceaccess.me;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.maintenanceaccess.authorization.AuthorizationFeature;
import com.maintenanceaccess.authorization.AuthorizationView;
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
     * The caller's records and invitation state; {@code accounts} groups the same records by the
     * account that issued them.
     */
    public record MyAuthorizations(String userId, String username, InvitationState invitation,
                                   List<MyAuthorization> authorizations, List<IssuingAccountGroup> accounts) {
    }

    /**
     * One record as the API answers it everywhere ({@link AuthorizationView}, its fields inline), with
     * the server's sentence: the type's name and a one-line summary.
     */
    public record MyAuthorization(@JsonUnwrapped AuthorizationView record, String typeName, String summary) {
    }

    /** The records one account issued; id, alias and name are absent for the records of no account (last). */
    public record IssuingAccountGroup(@Nullable String id, @Nullable String alias, @Nullable String name,
                                      List<MyAuthorization> authorizations) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public MyAuthorizations mine() {
        UserModel me = caller.user();
        AuthorizationFeature feature = AuthorizationFeature.of(session);
        Instant now = feature.clock().instant();
        AuthorizationText text = new AuthorizationText(feature.catalog());
        InvitationState invitation = PeopleInvitations.status(session, session.getContext().getRealm(), me);
        List<MyAuthorization> records = new ArrayList<>();
        // The same records grouped by issuing account, in the order first met; records with no
        // issuing account (from before accounts issued them) last, as their own group.
        Map<String, List<MyAuthorization>> byAccount = new LinkedHashMap<>();
        List<MyAuthorization> unassigned = new ArrayList<>();
        for (PersonnelAuthorization record : AuthorizationStore.read(me).records()) {
            AuthorizationView view = AuthorizationView.of(session, feature, record, me.isEnabled(), now);
            MyAuthorization mine = new MyAuthorization(view, text.typeName(record.type()),
                    text.summary(record, view.record().state(), view.usableAtSignoff()));
            records.add(mine);
            if (record.account() == null) {
                unassigned.add(mine);
            } else {
                byAccount.computeIfAbsent(record.account(), id -> new ArrayList<>()).add(mine);
            }
        }
        List<IssuingAccountGroup> groups = new ArrayList<>();
        byAccount.forEach((id, mine) -> groups.add(new IssuingAccountGroup(id,
                mine.get(0).record().accountAlias(), mine.get(0).record().accountName(), mine)));
        if (!unassigned.isEmpty()) {
            groups.add(new IssuingAccountGroup(null, null, null, unassigned));
        }
        return new MyAuthorizations(me.getId(), me.getUsername(), invitation, records, groups);
    }
}

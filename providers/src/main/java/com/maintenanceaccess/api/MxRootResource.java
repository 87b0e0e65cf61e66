package com.maintenanceaccess.api;

import com.maintenanceaccess.bundle.BundleVersion;
import com.maintenanceaccess.invitation.InvitationsResource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.keycloak.models.KeycloakSession;

/**
 * The root of {@code /realms/{realm}/mx}. Each feature hangs its resource here with a
 * sub-resource locator; the locator authenticates the caller before it descends, so no
 * feature resource is reachable without a valid bearer token of this realm.
 */
public class MxRootResource {

    private final KeycloakSession session;

    public MxRootResource(KeycloakSession session) {
        this.session = session;
    }

    /** Which bundle this realm runs: for operators, so only to realm administrators. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> info() {
        MxCaller.authenticate(session).requireViewRealm();
        return Map.of("bundle", "maintenance-access", "version", BundleVersion.VALUE,
                "realm", session.getContext().getRealm().getName());
    }

    /** Invitations of users: list, invite, resend, revoke, change address (docs/invitations.md). */
    @Path("invitations")
    public InvitationsResource invitations() {
        return new InvitationsResource(session, MxCaller.authenticate(session));
    }
}

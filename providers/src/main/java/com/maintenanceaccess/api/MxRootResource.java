package com.maintenanceaccess.api;

import com.maintenanceaccess.bundle.BundleVersion;
import com.maintenanceaccess.authorization.ComplianceResource;
import com.maintenanceaccess.authorization.PersonnelAuthorizationsResource;
import com.maintenanceaccess.authorization.SignoffCheckResource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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

    // Personnel authorizations (docs/authorizations.md): one person's records, the signoff
    // check for the maintenance app, and the realm-wide compliance views.
    @Path("users/{userId}/authorizations")
    public PersonnelAuthorizationsResource personnelAuthorizations(@PathParam("userId") String userId) {
        return new PersonnelAuthorizationsResource(session, userId);
    }

    @Path("signoff-check")
    public SignoffCheckResource signoffCheck() {
        return new SignoffCheckResource(session);
    }

    @Path("authorizations")
    public ComplianceResource complianceViews() {
        return new ComplianceResource(session);
    }
}

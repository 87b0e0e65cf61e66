package com.maintenanceaccess.api;

import com.maintenanceaccess.bundle.BundleVersion;
import com.maintenanceaccess.account.AccountsResource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.Map;
import org.keycloak.models.KeycloakSession;

/**
 * The root of {@code /realms/{realm}/mx}. Each feature hangs its resource here with a
 * sub-resource locator; the locator authenticates the caller before it descends, so no
 * feature resource is reachable without a valid bearer token of this realm.
 */
public class MxRootResource {

    private final KeycloakSession session;
    private final Clock clock;

    public MxRootResource(KeycloakSession session, Clock clock) {
        this.session = session;
        this.clock = clock;
    }

    @Path("accounts")
    public AccountsResource accounts() {
        return new AccountsResource(session, MxCaller.authenticate(session), () -> java.util.Set.of(), clock);
    }

    /** Which bundle this realm runs: for operators, so only to realm administrators. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> info() {
        MxCaller.authenticate(session).requireViewRealm();
        return Map.of("bundle", "maintenance-access", "version", BundleVersion.VALUE,
                "realm", session.getContext().getRealm().getName());
    }
}

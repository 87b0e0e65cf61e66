package com.maintenanceaccess.trail;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.maintenanceaccess.api.Authority;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * {@code /realms/{realm}/mx/trail}: {@code GET verify} walks the realm's chain and reports the
 * first altered or missing entry; {@code GET export} hands out the chain for offline checks.
 */
@Produces(MediaType.APPLICATION_JSON)
public class TrailResource {

    private final KeycloakSession session;
    private final Authority caller;
    private final Clock clock;

    public TrailResource(KeycloakSession session, Authority caller, Clock clock) {
        this.session = session;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @Path("verify")
    public ObjectNode verify() {
        requireTrailReader();
        RealmModel realm = session.getContext().getRealm();
        Trail trail = new Trail(session);
        ChainCheck.Result result = trail.verify(realm);
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.put("intact", result.intact());
        answer.put("entries", result.entries());
        if (!result.intact()) {
            answer.put("firstBadSeq", result.firstBadSeq());
            answer.put("problem", result.problem());
        }
        TrailTable.Head head = trail.head(realm);
        answer.putObject("head").put("seq", head.seq()).put("hash", head.hash());
        answer.put("checkedAt", clock.instant().toString());
        return answer;
    }

    @GET
    @Path("export")
    public Response export() {
        requireTrailReader();
        RealmModel realm = session.getContext().getRealm();
        Trail trail = new Trail(session);
        ObjectNode body = TrailExport.write(realm.getName(), trail.head(realm), trail.entries(realm), clock.instant().toString());
        return Response.ok(body).header("Content-Disposition", "attachment; filename=\"trail-" + realm.getName() + ".json\"")
                .build();
    }

    /**
     * The trail spans every account of the realm, so it is for realm-wide auditors (a realm
     * operator with view-users and personnel-authorizations:view); account auditors read their
     * account's signoffs at GET /mx/signoffs (docs/security-model.md).
     */
    private void requireTrailReader() {
        caller.requireRealmAuditor();
    }
}

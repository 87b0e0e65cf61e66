package com.maintenanceaccess.trail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.maintenanceaccess.kernel.AccountPermission;
import com.maintenanceaccess.kernel.Authority;
import jakarta.annotation.Nullable;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;

/**
 * {@code /realms/{realm}/mx/trail}: {@code GET verify} walks the realm's chain and reports the
 * first altered or missing entry; {@code GET export} hands out the chain for offline checks,
 * the whole of it to a realm-wide auditor, an account's part of it to that account's readers.
 */
@Produces(MediaType.APPLICATION_JSON)
public class TrailResource {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private final KeycloakSession session;
    private final Authority caller;
    private final Clock clock;
    private final int retentionYears;

    public TrailResource(KeycloakSession session, Authority caller, Clock clock, int retentionYears) {
        this.session = session;
        this.caller = caller;
        this.clock = clock;
        this.retentionYears = retentionYears;
    }

    @GET
    @Path("verify")
    public TrailVerification verify() {
        requireTrailReader();
        RealmModel realm = session.getContext().getRealm();
        Trail trail = new Trail(session);
        ChainCheck.Result result = trail.verify(realm);
        TrailTable.Head head = trail.head(realm);
        return new TrailVerification(result.intact(), result.entries(),
                result.intact() ? null : result.firstBadSeq(), result.intact() ? null : result.problem(),
                new VerifiedHead(head.seq(), head.hash()), clock.instant().toString(), retentionRule());
    }

    /**
     * GET /mx/trail/verify: whether the chain is intact and how many entries it has; when it is not, the
     * first altered or missing entry and what is wrong ({@code firstBadSeq}, {@code problem}, absent
     * otherwise); the head; when; and the retention rule.
     */
    public record TrailVerification(boolean intact, long entries, @Nullable Long firstBadSeq, @Nullable String problem,
                                    VerifiedHead head, String checkedAt, Retention retention) {
    }

    /** The chain's last entry as the server recorded it. */
    public record VerifiedHead(long seq, String hash) {
    }

    /** The retention rule the records are kept under. */
    public record Retention(int years, String rule) {
    }

    /**
     * Without {@code account}, for a realm-wide auditor: the whole chain. With {@code account}
     * (or for a caller who reads only one account: its auditor or compliance officer), that
     * account's export ({@link AccountExport}); another account is 404.
     */
    @GET
    @Path("export")
    public Response export(@QueryParam("account") String account) {
        RealmModel realm = session.getContext().getRealm();
        Trail trail = new Trail(session);
        Authority.AccountScope scope = caller.scope(account, AccountPermission.VIEW_AUTHORIZATIONS);
        TrailTable.Head head = trail.head(realm);
        if (scope.wholeRealm()) {
            ObjectNode body = TrailExport.write(realm.getName(), head, trail.entriesUpTo(realm, head.seq()),
                    clock.instant().toString());
            body.set("retention", retention());
            return attachment(body, "trail-" + realm.getName() + ".json");
        }
        OrganizationModel chosen = scope.account();
        ObjectNode body = AccountExport.write(realm.getName(), chosen.getId(), chosen.getAlias(), head,
                trail.entriesUpTo(realm, head.seq()), new AccountEntries(session, realm, scope), clock.instant().toString());
        body.set("retention", retention());
        return attachment(body, "trail-" + realm.getName() + "-" + chosen.getAlias() + ".json");
    }

    /**
     * The retention rule the records are kept under, stated with every answer about the trail:
     * the bundle deletes nothing; pruning after the period is the operator's decision and
     * action (docs/signoffs.md, "Retention").
     */
    private Retention retentionRule() {
        return new Retention(retentionYears, "kept at least " + retentionYears + " years after the person left; the"
                + " bundle deletes no entry, pruning is an operator's action");
    }

    /** The rule in the export's form (the export is a JSON tree written as it is: TrailExport). */
    private ObjectNode retention() {
        return JSON.valueToTree(retentionRule());
    }

    private static Response attachment(ObjectNode body, String filename) {
        return Response.ok(body).header("Content-Disposition", "attachment; filename=\"" + filename + "\"").build();
    }

    /**
     * Verifying walks every account's entries, so it is for realm-wide auditors (a realm
     * operator with view-users and personnel-authorizations:view); account auditors verify
     * their account's export offline (docs/security-model.md).
     */
    private void requireTrailReader() {
        caller.requireRealmAuditor();
    }
}

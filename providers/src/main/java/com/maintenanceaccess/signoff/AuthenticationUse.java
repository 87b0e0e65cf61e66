package com.maintenanceaccess.signoff;

import com.maintenanceaccess.trail.TrailTable;
import java.sql.SQLException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * One authentication signs once (issue 23): the first signoff that presents a signoff-level
 * authentication (its user session, {@code auth_time} and the login's random step id, claim
 * {@value SignoffStatement#STEP_CLAIM}; two step-ups within one second share an {@code auth_time}) records it as used; every later or
 * concurrent one with the same authentication is refused ({@code authentication_used}).
 *
 * <p>The record is a unique-key insert in a transaction of its own, committed at once: of two
 * concurrent signoffs exactly one insert succeeds, and the loser's unique-key violation does not
 * spoil the request's transaction (on PostgreSQL a failed statement aborts the transaction), so
 * the loser's refusal is still written to the trail. If the request fails after the insert, the
 * authentication stays used: the person authenticates again (fails closed).
 */
final class AuthenticationUse {

    /** The step id of a token that carries none (a realm whose client lacks the statement mapper). */
    static final String NO_STEP = "-";

    private AuthenticationUse() {
    }

    /** True when this call is the authentication's one use; false when it was used before. */
    static boolean claim(KeycloakSession session, String realmId, String sessionId, long authTime, String stepId,
                         String userId, String jti, long nowMillis) {
        try {
            KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), own ->
                    new TrailTable(own).insertAuthenticationUse(realmId, sessionId, authTime,
                            stepId == null ? NO_STEP : stepId, userId, jti, nowMillis));
            return true;
        } catch (RuntimeException e) {
            if (uniqueKeyViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    /** A unique-key violation on any database: SQL state class 23 (integrity constraint) in the causes. */
    static boolean uniqueKeyViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
            if (t.getClass().getName().endsWith("ConstraintViolationException")) {
                return true;
            }
        }
        return false;
    }
}

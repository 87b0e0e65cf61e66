package com.maintenanceaccess.bundle;

import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import org.keycloak.authentication.actiontoken.DefaultActionToken;
import org.keycloak.common.Version;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.LoginActionsService;

/**
 * The one class through which the bundle reaches Keycloak internals, each checked at server
 * start so that a Keycloak upgrade that removes one fails the start with a message naming the
 * Keycloak version, not the first request (docs/architecture.md, "Keycloak internals"):
 * <ul>
 * <li>Keycloak's JPA store: the request's {@link EntityManager} from
 * {@link JpaConnectionProvider} (keycloak-model-jpa, compiled against 26.7.0, provided). Features
 * get it only wrapped in a {@link KeycloakStore}, which owns every query on Keycloak's entities
 * and tables and the plain SQL on the bundle's own tables ({@code bundle/storage}, created by
 * Keycloak's Liquibase through {@code JpaEntityProvider}). {@link #check()} (factory init) checks
 * that the JPA SPI is there, {@link #checkStore} (first transaction after migration) runs every
 * query on Keycloak's schema and reads each of the bundle's tables through its entity once.</li>
 * <li>The action-token link: Keycloak's own {@link DefaultActionToken#serialize} (issuer,
 * audience, issued-at) and the endpoint's path as {@link LoginActionsService} declares it;
 * {@link #check()} builds that path once.</li>
 * </ul>
 */
public final class KeycloakInternals {

    static final String ACTION_TOKEN_PATH = "/realms/check/login-actions/action-token";

    private KeycloakInternals() {
    }

    /** Fails with a message naming the Keycloak version when what the bundle needs is missing. */
    public static void check() {
        try {
            JpaConnectionProvider.class.getMethod("getEntityManager");
            JpaEntityProvider.class.getMethod("getChangelogLocation");
        } catch (NoSuchMethodException | LinkageError e) {
            throw missing("JpaConnectionProvider.getEntityManager() and JpaEntityProvider (keycloak-model-jpa)", e);
        }
        String path;
        try {
            path = actionTokenEndpoint(UriBuilder.fromUri("http://localhost/")).build("check").getPath();
        } catch (RuntimeException | LinkageError e) {
            throw missing("the action-token endpoint (LoginActionsService.executeActionToken)", e);
        }
        if (!ACTION_TOKEN_PATH.equals(path)) {
            throw missing("the action-token endpoint at " + ACTION_TOKEN_PATH + " (it is at " + path + ")", null);
        }
    }

    /**
     * Runs every query the bundle makes on Keycloak's schema once, in {@code session}'s
     * transaction; call it at start, before any request.
     */
    public static void checkStore(KeycloakSession session) {
        try {
            store(session, "the start-up check").check();
        } catch (RuntimeException e) {
            throw missing("the entities and tables named in bundle/KeycloakStore and bundle/storage", e);
        }
    }

    /** The request's JPA store; {@code feature} names who needs it in the error. */
    public static KeycloakStore store(KeycloakSession session, String feature) {
        JpaConnectionProvider jpa = session.getProvider(JpaConnectionProvider.class);
        if (jpa == null) {
            throw new IllegalStateException(feature + " needs Keycloak's JPA store (" + JpaConnectionProvider.class.getName() + ")");
        }
        return new KeycloakStore(jpa.getEntityManager());
    }

    /**
     * The link that runs {@code token} at Keycloak's action-token endpoint of {@code realm}, with
     * {@code client_id} when not null. Keycloak's {@link DefaultActionToken#serialize} signs it
     * with the realm's issuer as {@code iss} and {@code aud} and sets {@code iat}; a token id
     * already set is kept. {@code uri} may be the request's, kept for a job after it
     * ({@code KeycloakUriInfo} holds the base URI it computed for the request).
     */
    public static String actionTokenLink(KeycloakSession session, RealmModel realm, DefaultActionToken token,
            UriInfo uri, String clientId) {
        UriBuilder link = actionTokenEndpoint(uri.getBaseUriBuilder()).queryParam("key", token.serialize(session, realm, uri));
        if (clientId != null) {
            link.queryParam("client_id", clientId);
        }
        return link.build(realm.getName()).toString();
    }

    /** What {@link LoginActionsService#actionTokenProcessor} builds, from a base URI. */
    private static UriBuilder actionTokenEndpoint(UriBuilder base) {
        return LoginActionsService.loginActionsBaseUrl(base).path(LoginActionsService.class, "executeActionToken");
    }

    private static IllegalStateException missing(String what, Throwable cause) {
        return new IllegalStateException("Maintenance Access " + BundleVersion.VALUE + " needs " + what
                + ", which Keycloak " + Version.VERSION + " does not have: check docs/architecture.md"
                + " (\"Keycloak internals\") before upgrading Keycloak", cause);
    }
}

package com.maintenanceaccess.bundle;

import jakarta.persistence.EntityManager;
import java.lang.reflect.Method;
import org.keycloak.common.Version;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.Provider;

/**
 * The one way the bundle reaches Keycloak's JPA store: the request's {@link EntityManager} from
 * {@code JpaConnectionProvider}. It is looked up by class name because keycloak-model-jpa:26.7.3
 * cannot be a compile dependency (its parent POM is not on Maven Central); the class is on the
 * server's class path. {@link #check()} runs when the bundle starts, so a Keycloak upgrade that
 * moves the class fails the start with a message, not the first request
 * (docs/architecture.md, "Keycloak internals").
 */
public final class KeycloakInternals {

    static final String JPA_CONNECTION_PROVIDER = "org.keycloak.connections.jpa.JpaConnectionProvider";

    private KeycloakInternals() {
    }

    /** Fails with a message naming the Keycloak version when what the bundle needs is missing. */
    public static void check() {
        getEntityManager();
    }

    /** The request's EntityManager; {@code feature} names who needs it in the error. */
    public static EntityManager entityManager(KeycloakSession session, String feature) {
        Method getEntityManager = getEntityManager();
        Provider provider = session.getProvider(getEntityManager.getDeclaringClass().asSubclass(Provider.class));
        if (provider == null) {
            throw new IllegalStateException(feature + " needs Keycloak's JPA store (" + JPA_CONNECTION_PROVIDER + ")");
        }
        try {
            return (EntityManager) getEntityManager.invoke(provider);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(feature + " needs Keycloak's JPA store (" + JPA_CONNECTION_PROVIDER + ")", e);
        }
    }

    private static Method getEntityManager() {
        try {
            return Class.forName(JPA_CONNECTION_PROVIDER, true, KeycloakSession.class.getClassLoader())
                    .getMethod("getEntityManager");
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Maintenance Access " + BundleVersion.VALUE + " needs "
                    + JPA_CONNECTION_PROVIDER + ".getEntityManager(), which Keycloak " + Version.VERSION
                    + " does not have: check docs/architecture.md before upgrading Keycloak", e);
        }
    }
}

package com.maintenanceaccess.it.invitation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.maintenanceaccess.it.support.Http;
import com.maintenanceaccess.it.support.Realm;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A second realm on the test server acting as a partner company's OpenID Connect identity
 * provider, and its registration in the maintenance realm as a {@code keycloak-oidc} provider
 * (confidential client, "Trust email" on, the bundled first-broker-login flow), all made
 * through the admin API. {@link #close} removes both.
 */
final class PartnerIdentityProvider implements AutoCloseable {

    static final String FIRST_BROKER_LOGIN_FLOW = "mx invitation first broker login";
    static final String PARTNER_PASSWORD = "Partner-Password-2026!";
    private static final String CLIENT_ID = "maintenance-broker";

    private final Realm maintenance;
    final String realmName = "mx-partner-" + UUID.randomUUID().toString().substring(0, 8);
    final String alias = "partner-sso-" + UUID.randomUUID().toString().substring(0, 8);
    private final String clientSecret = UUID.randomUUID().toString();
    private final List<String> extraAliases = new java.util.ArrayList<>();

    PartnerIdentityProvider(Realm maintenance, String displayName) {
        this.maintenance = maintenance;
        String base = maintenance.server().baseUrl();
        Http.Response realm = Http.postJson(base + "/admin/realms", maintenance.adminToken(), Map.of(
                "realm", realmName, "enabled", true,
                "clients", List.of(Map.of(
                        "clientId", CLIENT_ID, "secret", clientSecret, "publicClient", false,
                        "standardFlowEnabled", true, "directAccessGrantsEnabled", false,
                        "redirectUris", List.of(base + "/realms/" + Realm.NAME + "/broker/" + alias + "/endpoint")))));
        assertEquals(201, realm.status(), realm::toString);
        register(alias, displayName, FIRST_BROKER_LOGIN_FLOW);
    }

    /** Adds an identity provider ("Trust email" on) to the maintenance realm pointing at the partner realm. */
    void register(String providerAlias, String displayName, String firstBrokerLoginFlow) {
        String issuer = maintenance.server().baseUrl() + "/realms/" + realmName;
        Map<String, Object> config = new HashMap<>();
        config.put("clientId", CLIENT_ID);
        config.put("clientSecret", clientSecret);
        config.put("clientAuthMethod", "client_secret_post");
        config.put("issuer", issuer);
        config.put("authorizationUrl", issuer + "/protocol/openid-connect/auth");
        config.put("tokenUrl", issuer + "/protocol/openid-connect/token");
        config.put("userInfoUrl", issuer + "/protocol/openid-connect/userinfo");
        config.put("jwksUrl", issuer + "/protocol/openid-connect/certs");
        config.put("logoutUrl", issuer + "/protocol/openid-connect/logout");
        config.put("useJwksUrl", "true");
        config.put("validateSignature", "true");
        config.put("defaultScope", "openid email profile");
        config.put("syncMode", "IMPORT");
        Http.Response created = Http.postJson(maintenance.adminUrl("/identity-provider/instances"), maintenance.adminToken(),
                Map.of("alias", providerAlias, "displayName", displayName, "providerId", "keycloak-oidc",
                        "enabled", true, "trustEmail", true, "firstBrokerLoginFlowAlias", firstBrokerLoginFlow,
                        "config", config));
        assertEquals(201, created.status(), created::toString);
        if (!providerAlias.equals(alias)) {
            extraAliases.add(providerAlias);
        }
    }

    /** A user of the partner realm with a password; returns the username. */
    String user(String email, boolean emailVerified) {
        String username = "partner-" + UUID.randomUUID().toString().substring(0, 8);
        Http.Response created = Http.postJson(maintenance.server().baseUrl() + "/admin/realms/" + realmName + "/users",
                maintenance.adminToken(), Map.of("username", username, "email", email, "emailVerified", emailVerified,
                        "firstName", "Partner", "lastName", "Person", "enabled", true,
                        "credentials", List.of(Map.of("type", "password", "value", PARTNER_PASSWORD, "temporary", false))));
        assertEquals(201, created.status(), created::toString);
        return username;
    }

    @Override
    public void close() {
        String token = maintenance.adminToken();
        for (String extra : extraAliases) {
            Http.delete(maintenance.adminUrl("/identity-provider/instances/" + extra), token);
        }
        Http.delete(maintenance.adminUrl("/identity-provider/instances/" + alias), token);
        Http.delete(maintenance.server().baseUrl() + "/admin/realms/" + realmName, token);
    }
}

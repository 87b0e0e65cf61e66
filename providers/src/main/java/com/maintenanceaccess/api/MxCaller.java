package com.maintenanceaccess.api;

import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import org.keycloak.services.resources.admin.fgap.AdminPermissions;

/**
 * The authenticated caller of a bundle endpoint: a bearer token issued by this realm,
 * checked against the realm's admin permissions (the realm-management client roles).
 * Every endpoint asks for the permission it needs before it reads or writes anything.
 */
public final class MxCaller {

    private final AdminAuth auth;
    private final AdminPermissionEvaluator permissions;

    private MxCaller(AdminAuth auth, AdminPermissionEvaluator permissions) {
        this.auth = auth;
        this.permissions = permissions;
    }

    /** 401 without a valid token of this realm. */
    public static MxCaller authenticate(KeycloakSession session) {
        RealmModel realm = session.getContext().getRealm();
        AuthResult result = new AppAuthManager.BearerTokenAuthenticator(session).setRealm(realm).authenticate();
        if (result == null) {
            throw new NotAuthorizedException("Bearer",
                    Response.status(Response.Status.UNAUTHORIZED)
                            .entity(Map.of("error", "unauthorized",
                                    "error_description", "a bearer token of realm " + realm.getName() + " is required"))
                            .header("WWW-Authenticate", "Bearer realm=\"" + realm.getName() + "\"")
                            .type(MediaType.APPLICATION_JSON)
                            .build());
        }
        AdminAuth auth = new AdminAuth(realm, result.token(), result.user(), result.client());
        return new MxCaller(auth, AdminPermissions.evaluator(session, realm, auth));
    }

    public UserModel user() {
        return auth.getUser();
    }

    public AdminAuth adminAuth() {
        return auth;
    }

    public AdminPermissionEvaluator permissions() {
        return permissions;
    }

    public MxCaller requireViewRealm() {
        return require(permissions.realm().canViewRealm(), "view-realm");
    }

    public MxCaller requireManageRealm() {
        return require(permissions.realm().canManageRealm(), "manage-realm");
    }

    public MxCaller requireViewUsers() {
        return require(permissions.users().canView(), "view-users");
    }

    public MxCaller requireManageUsers() {
        return require(permissions.users().canManage(), "manage-users");
    }

    /** 403 naming the permission that is missing. */
    public MxCaller require(boolean granted, String permission) {
        if (!granted) {
            throw new ForbiddenException(Response.status(Response.Status.FORBIDDEN)
                    .entity(Map.of("error", "forbidden",
                            "error_description", "this operation needs the " + permission + " permission"))
                    .type(MediaType.APPLICATION_JSON)
                    .build());
        }
        return this;
    }
}

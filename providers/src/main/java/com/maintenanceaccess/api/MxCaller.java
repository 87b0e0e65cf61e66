package com.maintenanceaccess.api;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminAuth;

/**
 * Kept only for branches written before {@link Authority} (their endpoints call
 * {@code requireViewUsers()} / {@code requireManageUsers()} in one place): realm operators only,
 * so it fails closed for account people. New code uses {@link Authority}; remove once unused.
 */
@Deprecated(forRemoval = true)
public final class MxCaller {

    private final Authority authority;

    private MxCaller(Authority authority) {
        this.authority = authority;
    }

    public static MxCaller authenticate(KeycloakSession session) {
        return new MxCaller(Authority.authenticate(session));
    }

    public Authority authority() {
        return authority;
    }

    public UserModel user() {
        return authority.user();
    }

    public AdminAuth adminAuth() {
        return authority.adminAuth();
    }

    public MxCaller requireViewUsers() {
        authority.requireOperator(authority.operatorCanViewUsers(), "view-users");
        return this;
    }

    public MxCaller requireManageUsers() {
        authority.requireOperator(authority.operatorCanManageUsers(), "manage-users");
        return this;
    }
}

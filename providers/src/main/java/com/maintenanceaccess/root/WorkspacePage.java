package com.maintenanceaccess.root;

import com.maintenanceaccess.kernel.AccountPermission;
import java.util.Arrays;
import java.util.List;

/**
 * The pages of the account workspace and the permission each page's API asks of the caller in the
 * chosen account (the same {@link AccountPermission} the endpoint checks through {@link Authority}).
 * {@code GET /mx/me} answers, per account, the pages the caller may use there, so the console's menu
 * shows only those and does not restate the rules. A page with no permission is everybody's.
 */
public enum WorkspacePage {
    PEOPLE("people", AccountPermission.VIEW_PEOPLE),
    INVITATIONS("invitations", AccountPermission.VIEW_PEOPLE),
    COMPLIANCE("compliance", AccountPermission.VIEW_AUTHORIZATIONS),
    ACCOUNT_SETTINGS("account-settings", AccountPermission.VIEW_SETTINGS),
    PROVISIONING("provisioning", AccountPermission.MANAGE_PEOPLE),
    ACCESS_REVIEW("access-review", AccountPermission.VIEW_REPORT),
    REVIEWS("reviews", AccountPermission.VIEW_PEOPLE),
    SIGNOFFS("signoffs", AccountPermission.VIEW_AUTHORIZATIONS),
    APPROVALS("approvals", AccountPermission.VIEW_PEOPLE),
    MY_AUTHORIZATIONS("my-authorizations", null);

    private final String id;
    private final AccountPermission permission;

    WorkspacePage(String id, AccountPermission permission) {
        this.id = id;
        this.permission = permission;
    }

    /** The page's id: its path below the console's {@code mx/}. */
    public String id() {
        return id;
    }

    /** The permission in the chosen account, or null for a page of everybody signed in. */
    public AccountPermission permission() {
        return permission;
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(WorkspacePage::id).toList();
    }
}

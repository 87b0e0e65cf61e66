package com.maintenanceaccess.kernel;

import static com.maintenanceaccess.kernel.AccountRole.ACCOUNT_ADMINISTRATOR;
import static com.maintenanceaccess.kernel.AccountRole.AUDITOR;
import static com.maintenanceaccess.kernel.AccountRole.COMPLIANCE_OFFICER;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a caller does inside one account, which account roles allow it, and which realm
 * operator right allows it in every account. The table of docs/security-model.md.
 */
public enum AccountPermission {
    /** The account's people, invitations, templates, explain and setup review. */
    VIEW_PEOPLE("view the account's people", EnumSet.of(ACCOUNT_ADMINISTRATOR, COMPLIANCE_OFFICER, AUDITOR),
            Authority::operatorCanViewUsers, "view-users"),
    /** Invite, resend, revoke, correct address, create, change templates, remove, deactivate. */
    MANAGE_PEOPLE("manage the account's people", EnumSet.of(ACCOUNT_ADMINISTRATOR),
            Authority::operatorCanManageUsers, "manage-users"),
    /** Grant or take away account roles (account administrators of the same account, or an operator). */
    MANAGE_ACCOUNT_ROLES("grant account roles", EnumSet.of(ACCOUNT_ADMINISTRATOR),
            Authority::operatorCanManageUsers, "manage-users"),
    /** Operators need view-users and the realm-wide view role (a realm-wide auditor). */
    VIEW_AUTHORIZATIONS("view personnel authorizations", EnumSet.of(COMPLIANCE_OFFICER, AUDITOR),
            Authority::operatorIsRealmAuditor, "view-users with personnel-authorizations:view"),
    /** Operators need manage-users and the realm-wide compliance role: user administration alone is not compliance. */
    MANAGE_AUTHORIZATIONS("manage personnel authorizations", EnumSet.of(COMPLIANCE_OFFICER),
            Authority::operatorIsRealmCompliance, "manage-users with personnel-authorizations:manage"),
    /** The access review report and the audit trail. */
    VIEW_REPORT("view the access report", EnumSet.of(ACCOUNT_ADMINISTRATOR, AUDITOR),
            Authority::operatorCanViewUsers, "view-users"),
    VIEW_SETTINGS("view the account's settings", EnumSet.of(ACCOUNT_ADMINISTRATOR, COMPLIANCE_OFFICER, AUDITOR),
            Authority::operatorCanViewUsers, "view-users"),
    MANAGE_SETTINGS("change the account's settings", EnumSet.of(ACCOUNT_ADMINISTRATOR),
            Authority::operatorCanManageRealm, "manage-realm");

    private final String description;
    private final Set<AccountRole> roles;
    private final Predicate<Authority> operatorRight;
    private final String operatorRole;

    AccountPermission(String description, Set<AccountRole> roles, Predicate<Authority> operatorRight, String operatorRole) {
        this.description = description;
        this.roles = roles;
        this.operatorRight = operatorRight;
        this.operatorRole = operatorRole;
    }

    public Set<AccountRole> roles() {
        return roles;
    }

    public boolean grantedToOperator(Authority authority) {
        return operatorRight.test(authority);
    }

    /** For the 403: "to <description> you need to be <roles> of the account (or a realm operator with <role>)". */
    public String missing() {
        return "to " + description + " you need to be " + String.join(" or ", roles.stream().map(AccountRole::id).toList())
                + " of the account, or a realm operator with " + operatorRole + ".";
    }
}

package com.maintenanceaccess.kernel;

import java.util.Arrays;
import java.util.Optional;

/**
 * The roles a person holds in one account, as membership of the realm group
 * {@code /mx-accounts/<account alias>/<role>} (docs/security-model.md). A role counts only
 * while the person is also a member of that account (organization).
 */
public enum AccountRole {
    ACCOUNT_ADMINISTRATOR("account-administrator", true),
    COMPLIANCE_OFFICER("compliance-officer", true),
    AUDITOR("auditor", false);

    /** The top-level group under which each account has a group with one subgroup per role. */
    public static final String ROOT_GROUP = "mx-accounts";

    private final String id;
    private final boolean requiresSecondPerson;

    AccountRole(String id, boolean requiresSecondPerson) {
        this.id = id;
        this.requiresSecondPerson = requiresSecondPerson;
    }

    /**
     * Whether granting the role makes authority (people, roles; personnel authorizations), so that
     * an account person's grant waits for a second person of the account (docs/authorizations.md,
     * "Four eyes"). Auditors read only.
     */
    public boolean requiresSecondPerson() {
        return requiresSecondPerson;
    }

    public String id() {
        return id;
    }

    public String groupPath(String accountAlias) {
        return "/" + ROOT_GROUP + "/" + accountAlias + "/" + id;
    }

    public static Optional<AccountRole> byId(String id) {
        return Arrays.stream(values()).filter(role -> role.id.equals(id)).findFirst();
    }
}

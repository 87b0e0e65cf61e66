package com.maintenanceaccess.authorization;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * The issuing account of a record as the API shows it beside the stored id: its alias and name,
 * so that a person in several accounts sees which organisation authorised what. Only ever called
 * for records the caller may read, so the name tells nobody anything they may not know.
 */
public final class IssuingAccount {

    private IssuingAccount() {
    }

    /** Adds {@code accountAlias} and {@code accountName} (null for a record with no issuing account) to the view. */
    public static ObjectNode describe(KeycloakSession session, ObjectNode view, String accountId) {
        OrganizationModel account = find(session, accountId);
        view.put("accountAlias", account == null ? null : account.getAlias());
        view.put("accountName", account == null ? null : account.getName());
        return view;
    }

    public static OrganizationModel find(KeycloakSession session, String accountId) {
        OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
        return accountId == null || organizations == null ? null : organizations.getById(accountId);
    }
}

package com.maintenanceaccess.authorization.migration;

import com.maintenanceaccess.kernel.AdminAudit;
import com.maintenanceaccess.authorization.model.AuthorizationStore;
import com.maintenanceaccess.authorization.model.AuthorizationStore.Stored;
import com.maintenanceaccess.authorization.model.ExpiryQuery;
import com.maintenanceaccess.authorization.rules.RecordAccounts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * At start, gives every record stored without an issuing account (format version 1, today's
 * release) the account of its person when they are a member of exactly one
 * ({@link RecordAccounts}); a person in none or several keeps such records with no account and
 * gets the user attribute {@value #UNASSIGNED} = {@value #AUTHORIZATIONS}, which
 * {@code GET /mx/migration/unassigned} lists for realm operators; they are logged here at every start
 * while they remain.
 *
 * <p>Idempotent: a record with an account is never touched, a person already listed is not
 * listed twice, and only a start that changed something emits the one admin event
 * ({@link AdminAudit#bySystem}, kind {@value #RESOURCE_TYPE}) with the counts.
 */
public final class RecordAccountMigration {

    public static final String UNASSIGNED = "mx.unassigned";
    public static final String AUTHORIZATIONS = "authorizations";
    public static final String RESOURCE_TYPE = "MX_RECORD_ACCOUNTS";
    static final String ACTOR = "maintenance-access:migration";
    private static final int PAGE = 500;
    private static final Logger LOG = Logger.getLogger(RecordAccountMigration.class);

    private RecordAccountMigration() {
    }

    public static void migrate(KeycloakSession session, RealmModel realm) {
        RealmModel before = session.getContext().getRealm();
        session.getContext().setRealm(realm);
        try {
            run(session, realm);
        } finally {
            session.getContext().setRealm(before);
        }
    }

    private static void run(KeycloakSession session, RealmModel realm) {
        // Ids first, then the writes: no user is changed while the query's result is still open.
        ExpiryQuery query = new ExpiryQuery(session);
        List<String> holders = new ArrayList<>();
        for (int first = 0; ; first += PAGE) {
            List<String> page = query.holders(realm, first, PAGE);
            holders.addAll(page);
            if (page.size() < PAGE) {
                break;
            }
        }
        OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
        int assigned = 0;
        List<String> newlyUnassigned = new ArrayList<>();
        List<String> unassigned = new ArrayList<>();
        for (String id : holders) {
            UserModel person = session.users().getUserById(realm, id);
            if (person == null) {
                continue;
            }
            List<String> memberOf = organizations == null || !realm.isOrganizationsEnabled() ? List.of()
                    : organizations.getByMember(person).map(OrganizationModel::getId).toList();
            Stored stored = AuthorizationStore.read(person);
            RecordAccounts.Outcome outcome = RecordAccounts.assign(stored.records(), memberOf);
            if (outcome.changed()) {
                AuthorizationStore.write(person, stored, outcome.records());
                assigned++;
            }
            if (outcome.unassigned()) {
                unassigned.add(person.getUsername());
                if (person.getAttributeStream(UNASSIGNED).noneMatch(AUTHORIZATIONS::equals)) {
                    List<String> values = new ArrayList<>(person.getAttributeStream(UNASSIGNED).toList());
                    values.add(AUTHORIZATIONS);
                    person.setAttribute(UNASSIGNED, values);
                    newlyUnassigned.add(person.getUsername());
                }
            }
        }
        if (!unassigned.isEmpty()) {
            LOG.warnf("realm %s: %d people hold personnel authorizations of no account (they are in none or several"
                    + " accounts; a realm operator assigns them, GET /mx/migration/unassigned): %s",
                    realm.getName(), unassigned.size(), unassigned);
        }
        if (assigned == 0 && newlyUnassigned.isEmpty()) {
            return;
        }
        LOG.infof("realm %s: personnel authorizations of %d people given their account; %d people newly listed as"
                + " unassigned", realm.getName(), assigned, newlyUnassigned.size());
        Map<String, Object> representation = new LinkedHashMap<>();
        representation.put("peopleAssigned", assigned);
        representation.put("peopleUnassigned", newlyUnassigned);
        AdminAudit.bySystem(session, realm, ACTOR, OperationType.UPDATE, RESOURCE_TYPE, "mx/authorizations/accounts",
                representation);
    }
}

package com.maintenanceaccess.authorization.rest;

import com.maintenanceaccess.authorization.AuthorizationFeature;
import com.maintenanceaccess.authorization.model.AuthorizationStore;
import com.maintenanceaccess.authorization.model.ExpiryIndex;
import com.maintenanceaccess.authorization.model.ExpiryQuery;
import com.maintenanceaccess.authorization.model.PersonnelAuthorization;
import com.maintenanceaccess.authorization.rules.AuthorizationChanges;
import com.maintenanceaccess.authorization.rules.RecordUsability;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Who is on the roster of one authorization type. <em>Current staff</em>: enabled people with a
 * record of the type that can be used at signoff now ({@link RecordUsability}, the signoff
 * check's own rules). <em>Former staff</em>: disabled or deactivated people who hold records of
 * the type, whatever their state, because certifying-staff records are kept after the person left.
 */
final class Roster {

    /** Which roster: the people who may certify now, or the leavers whose records are kept. */
    enum Staff {
        CURRENT, FORMER;

        static Staff parse(String value) {
            for (Staff staff : values()) {
                if (staff.name().equalsIgnoreCase(value)) {
                    return staff;
                }
            }
            return null;
        }
    }

    private static final int PAGE = 500;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final RecordUsability usability;

    Roster(KeycloakSession session, RealmModel realm, AuthorizationFeature feature) {
        this.session = session;
        this.realm = realm;
        this.usability = feature.usability();
    }

    /**
     * The rows of the records {@code inScope} accepts, given the person and the record's issuing
     * account (one account's records of its members, or the realm's for operators).
     */
    List<RosterCsv.Row> rows(Staff staff, String type, Instant now, BiPredicate<UserModel, String> inScope) {
        return staff == Staff.FORMER ? former(type, inScope) : current(type, now, inScope);
    }

    /** Walks the expiry index of the type from now on, in pages: only holders of such records are read. */
    private List<RosterCsv.Row> current(String type, Instant now, BiPredicate<UserModel, String> inScope) {
        List<RosterCsv.Row> rows = new ArrayList<>();
        ExpiryQuery query = new ExpiryQuery(session);
        for (int first = 0; ; first += PAGE) {
            List<ExpiryQuery.Hit> hits = query.page(realm, now, null, type, first, PAGE);
            for (ExpiryQuery.Hit hit : hits) {
                UserModel user = session.users().getUserById(realm, hit.userId());
                if (user == null || !user.isEnabled()) {
                    continue;
                }
                AuthorizationChanges.byId(AuthorizationStore.read(user).records(), ExpiryIndex.recordId(hit.indexValue()))
                        .filter(a -> a.type().equals(type) && inScope.test(user, a.account()) && usability.usable(a, true, now))
                        .ifPresent(a -> rows.add(row(user, a)));
            }
            if (hits.size() < PAGE) {
                return rows;
            }
        }
    }

    /** Every holder of records who is disabled, with each of their records of the type. */
    private List<RosterCsv.Row> former(String type, BiPredicate<UserModel, String> inScope) {
        List<RosterCsv.Row> rows = new ArrayList<>();
        ExpiryQuery query = new ExpiryQuery(session);
        for (int first = 0; ; first += PAGE) {
            List<String> ids = query.holders(realm, first, PAGE);
            for (String id : ids) {
                UserModel user = session.users().getUserById(realm, id);
                if (user != null && !user.isEnabled()) {
                    AuthorizationStore.read(user).records().stream()
                            .filter(a -> a.type().equals(type) && inScope.test(user, a.account()))
                            .forEach(a -> rows.add(row(user, a)));
                }
            }
            if (ids.size() < PAGE) {
                return rows;
            }
        }
    }

    private static RosterCsv.Row row(UserModel user, PersonnelAuthorization a) {
        return new RosterCsv.Row(user.getId(), user.getUsername(), user.getFirstName(), user.getLastName(),
                user.getEmail(), a);
    }
}

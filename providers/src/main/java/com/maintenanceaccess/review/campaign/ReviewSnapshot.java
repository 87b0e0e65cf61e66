package com.maintenanceaccess.review.campaign;

import com.maintenanceaccess.account.AccountTemplates;
import com.maintenanceaccess.kernel.AccountRole;
import com.maintenanceaccess.authorization.model.AuthorizationStore;
import com.maintenanceaccess.authorization.model.PersonnelAuthorization;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.organization.OrganizationProvider;

/**
 * What every member holds in the account when a review starts: role templates held there, account
 * roles, and the personnel authorizations the account issued that are not revoked. Nothing of the
 * person's other accounts.
 */
final class ReviewSnapshot {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final OrganizationModel account;

    ReviewSnapshot(KeycloakSession session, RealmModel realm, OrganizationModel account) {
        this.session = session;
        this.realm = realm;
        this.account = account;
    }

    List<ReviewItem> items() {
        List<GroupModel> roleGroups = new ArrayList<>();
        List<AccountRole> roles = new ArrayList<>();
        for (AccountRole role : AccountRole.values()) {
            GroupModel group = KeycloakModelUtils.findGroupByPath(session, realm, role.groupPath(account.getAlias()));
            if (group != null) {
                roleGroups.add(group);
                roles.add(role);
            }
        }
        List<UserModel> members = session.getProvider(OrganizationProvider.class)
                .getMembersStream(account, (String) null, null, null, null)
                .sorted(Comparator.comparing(UserModel::getUsername)).toList();
        List<ReviewItem> items = new ArrayList<>();
        for (UserModel person : members) {
            for (String template : AccountTemplates.names(session, account, person)) {
                items.add(item(items, person, ReviewItem.Kind.TEMPLATE, template, "role template " + template));
            }
            for (int i = 0; i < roles.size(); i++) {
                if (person.isMemberOf(roleGroups.get(i))) {
                    items.add(item(items, person, ReviewItem.Kind.ACCOUNT_ROLE, roles.get(i).id(),
                            "account role " + roles.get(i).id()));
                }
            }
            for (PersonnelAuthorization record : AuthorizationStore.read(person).records()) {
                if (record.issuedBy(account.getId()) && record.status() != PersonnelAuthorization.Status.REVOKED) {
                    items.add(item(items, person, ReviewItem.Kind.AUTHORIZATION, record.id(),
                            "authorization " + record.type() + " " + record.reference()));
                }
            }
        }
        return items;
    }

    private static ReviewItem item(List<ReviewItem> items, UserModel person, ReviewItem.Kind kind, String value, String label) {
        String cut = label.length() > 255 ? label.substring(0, 255) : label;
        return new ReviewItem(items.size() + 1, person.getId(), kind, value, cut, null, null, null, null, null);
    }
}

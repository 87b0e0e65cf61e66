package com.maintenanceaccess.account;

import com.maintenanceaccess.api.AccountPermission;
import com.maintenanceaccess.api.Authority;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * {@code GET /mx/migration/unassigned}: the people the start-up migration could not put into exactly
 * one account (user attribute {@value TemplateMigration#UNASSIGNED}: {@code templates} and/or
 * {@code authorizations}), for realm operators with view-users to assign.
 */
@Produces(MediaType.APPLICATION_JSON)
public class UnassignedPeopleResource {

    private final KeycloakSession session;

    public UnassignedPeopleResource(KeycloakSession session, Authority caller) {
        caller.requireOperator(AccountPermission.VIEW_PEOPLE.grantedToOperator(caller), "view-users");
        this.session = session;
    }

    @GET
    @Path("unassigned")
    public Map<String, Object> unassigned() {
        RealmModel realm = session.getContext().getRealm();
        OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
        Map<String, UserModel> people = new LinkedHashMap<>();
        for (String what : List.of(TemplateMigration.TEMPLATES, "authorizations")) {
            session.users().searchForUserByUserAttributeStream(realm, TemplateMigration.UNASSIGNED, what).toList()
                    .forEach(user -> people.putIfAbsent(user.getId(), user));
        }
        List<Map<String, Object>> list = people.values().stream().map(user -> {
            Map<String, Object> person = new LinkedHashMap<>();
            person.put("id", user.getId());
            person.put("username", user.getUsername());
            person.put("firstName", user.getFirstName());
            person.put("lastName", user.getLastName());
            person.put("accounts", organizations == null ? List.of() : organizations.getByMember(user)
                    .map(account -> Map.of("id", account.getId(), "alias", account.getAlias())).toList());
            person.put("unassigned", user.getAttributeStream(TemplateMigration.UNASSIGNED).sorted().toList());
            person.put("realmLevelTemplates", RoleTemplateRoles.realmLevel(user));
            return person;
        }).toList();
        return Map.of("people", list);
    }
}

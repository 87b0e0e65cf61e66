package com.maintenanceaccess.people;

import com.fasterxml.jackson.databind.JsonNode;
import com.maintenanceaccess.account.AccountTemplates;
import com.maintenanceaccess.account.RoleTemplateRoles;
import com.maintenanceaccess.account.TemplateMigration;
import com.maintenanceaccess.authorization.migration.RecordAccountMigration;
import com.maintenanceaccess.authorization.model.AuthorizationStore;
import com.maintenanceaccess.authorization.rules.RecordAccounts;
import com.maintenanceaccess.kernel.AccountPermission;
import com.maintenanceaccess.kernel.AdminAudit;
import com.maintenanceaccess.kernel.Authority;
import com.maintenanceaccess.kernel.JsonBody;
import com.maintenanceaccess.kernel.Problems;
import jakarta.annotation.Nullable;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * {@code GET /mx/migration/unassigned}: the people the start-up migration could not put into exactly
 * one account (user attribute {@value TemplateMigration#UNASSIGNED}: {@code templates} and/or
 * {@code authorizations}), for realm operators with view-users to assign.
 */
@Produces(MediaType.APPLICATION_JSON)
public class UnassignedPeopleResource {

    public static final String RESOURCE_TYPE = "MX_MIGRATION_ASSIGN";

    private final KeycloakSession session;
    private final Authority caller;

    public UnassignedPeopleResource(KeycloakSession session, Authority caller) {
        caller.requireOperator(AccountPermission.VIEW_PEOPLE.grantedToOperator(caller), "view-users");
        this.session = session;
        this.caller = caller;
    }

    /**
     * {@code POST unassigned/{userId}/assign {"account": "<alias or id>"}}: a realm operator with
     * manage-users decides which account a listed person's realm-level templates and account-less
     * authorization records belong to. The person must be a member of that account (400 naming
     * {@code account} otherwise, nothing changed). Everything moves at once; the person leaves the
     * list; one admin event with before and after. Idempotent: a second call finds nothing to move,
     * answers the same and writes no event.
     */
    @POST
    @Path("unassigned/{userId}/assign")
    @Consumes(MediaType.APPLICATION_JSON)
    public Assignment assign(@PathParam("userId") String userId, String body) {
        caller.requireOperator(AccountPermission.MANAGE_PEOPLE.grantedToOperator(caller), "manage-users");
        RealmModel realm = session.getContext().getRealm();
        UserModel user = userId == null ? null : session.users().getUserById(realm, userId);
        if (user == null) {
            throw Problems.notFound("user", userId);
        }
        JsonNode json = JsonBody.object(body, true, Set.of("account"));
        String wanted = JsonBody.text(json, "account");
        if (wanted == null || wanted.isBlank()) {
            throw Problems.invalid("account", "is required: the alias or id of an account the person is a member of");
        }
        OrganizationModel account = caller.findAccount(wanted.trim());
        if (account == null) {
            throw Problems.invalid("account", "no account '" + wanted.trim() + "' in this realm");
        }
        if (!session.getProvider(OrganizationProvider.class).isMember(account, user)) {
            throw Problems.invalid("account", "the person is not a member of '" + account.getAlias()
                    + "': add them to the account first");
        }
        Map<String, Object> before = held(account, user);
        // Templates: the realm-level ones join those held in the account, and leave the realm level.
        List<RoleModel> legacy = user.getRealmRoleMappingsStream().filter(RoleTemplateRoles::isTemplate).toList();
        if (!legacy.isEmpty()) {
            Set<RoleModel> templates = new LinkedHashSet<>(AccountTemplates.held(session, account, user));
            templates.addAll(legacy);
            AccountTemplates.set(session, account, user, templates);
            legacy.forEach(user::deleteRoleMapping);
        }
        // Records: every one without an issuing account is now issued by this account (the same rule as the migration's).
        AuthorizationStore.Stored stored = AuthorizationStore.read(user);
        RecordAccounts.Outcome outcome = RecordAccounts.assign(stored.records(), List.of(account.getId()));
        if (outcome.changed()) {
            AuthorizationStore.write(user, stored, outcome.records());
        }
        List<String> left = new ArrayList<>(user.getAttributeStream(TemplateMigration.UNASSIGNED).toList());
        left.remove(TemplateMigration.TEMPLATES);
        left.remove(RecordAccountMigration.AUTHORIZATIONS);
        if (left.isEmpty()) {
            user.removeAttribute(TemplateMigration.UNASSIGNED);
        } else {
            user.setAttribute(TemplateMigration.UNASSIGNED, left);
        }
        Map<String, Object> after = held(account, user);
        if (!before.equals(after)) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("account", account.getAlias());
            change.put("before", before);
            change.put("after", after);
            AdminAudit.byCaller(session, caller, OperationType.UPDATE, RESOURCE_TYPE,
                    "mx/migration/unassigned/" + user.getId(), change);
        }
        @SuppressWarnings("unchecked")
        List<String> withoutAccount = (List<String>) after.get("recordsWithoutAccount");
        return new Assignment(user.getId(), new AccountRef(account.getId(), account.getAlias()),
                AccountTemplates.names(session, account, user), RoleTemplateRoles.realmLevel(user), withoutAccount,
                user.getAttributeStream(TemplateMigration.UNASSIGNED).sorted().toList());
    }

    /** An account by id and alias. */
    public record AccountRef(String id, String alias) {
    }

    /** The person after the assignment: templates in the account and at realm level, records still of no account, what is left unassigned. */
    public record Assignment(String id, AccountRef account, List<String> templates, List<String> realmLevelTemplates,
                             List<String> recordsWithoutAccount, List<String> unassigned) {
    }

    /** The people the migration could not put into one account. */
    public record UnassignedPeople(List<UnassignedPerson> people) {
    }

    /** One of them: their accounts, what is unassigned (templates, authorizations) and their realm-level templates. */
    public record UnassignedPerson(String id, String username, @Nullable String firstName, @Nullable String lastName,
                                   List<AccountRef> accounts, List<String> unassigned, List<String> realmLevelTemplates) {
    }

    /** What the assignment changes: realm-level templates, the account's templates, records with no or this account. */
    private Map<String, Object> held(OrganizationModel account, UserModel user) {
        List<com.maintenanceaccess.authorization.model.PersonnelAuthorization> records = AuthorizationStore.read(user).records();
        Map<String, Object> held = new LinkedHashMap<>();
        held.put("realmLevelTemplates", RoleTemplateRoles.realmLevel(user));
        held.put("accountTemplates", AccountTemplates.names(session, account, user));
        held.put("recordsWithoutAccount", records.stream().filter(r -> r.account() == null).map(r -> r.id()).sorted().toList());
        held.put("recordsOfAccount", records.stream().filter(r -> account.getId().equals(r.account())).map(r -> r.id()).sorted().toList());
        held.put("unassigned", user.getAttributeStream(TemplateMigration.UNASSIGNED).sorted().toList());
        return held;
    }

    @GET
    @Path("unassigned")
    public UnassignedPeople unassigned() {
        RealmModel realm = session.getContext().getRealm();
        OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
        Map<String, UserModel> people = new LinkedHashMap<>();
        for (String what : List.of(TemplateMigration.TEMPLATES, "authorizations")) {
            session.users().searchForUserByUserAttributeStream(realm, TemplateMigration.UNASSIGNED, what).toList()
                    .forEach(user -> people.putIfAbsent(user.getId(), user));
        }
        return new UnassignedPeople(people.values().stream().map(user -> new UnassignedPerson(user.getId(), user.getUsername(),
                user.getFirstName(), user.getLastName(), organizations == null ? List.<AccountRef>of()
                        : organizations.getByMember(user).map(account -> new AccountRef(account.getId(), account.getAlias())).toList(),
                user.getAttributeStream(TemplateMigration.UNASSIGNED).sorted().toList(), RoleTemplateRoles.realmLevel(user)))
                .toList());
    }
}

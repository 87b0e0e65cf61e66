package com.maintenanceaccess.account;

import jakarta.annotation.Nullable;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

/**
 * The realm roles made by the role-template importer (attribute {@code mx.managed=role-template}),
 * as the people API grants and lists them. The attribute names are the importer's
 * (roletemplate.RealmState); repeated here as strings to keep the packages apart.
 */
public final class RoleTemplateRoles {

    static final String MANAGED = "mx.managed";
    static final String BY_TEMPLATE = "role-template";
    static final String PRIVILEGED = "mx.privileged";
    static final String READ_ONLY = "mx.read-only";
    static final String READ_ONLY_SUFFIX = "-read-only";

    private RoleTemplateRoles() {
    }

    public static boolean isTemplate(RoleModel role) {
        return role.getContainer() instanceof RealmModel && BY_TEMPLATE.equals(role.getFirstAttribute(MANAGED));
    }

    public static Optional<RoleModel> byName(RealmModel realm, String name) {
        return Optional.ofNullable(realm.getRole(name)).filter(RoleTemplateRoles::isTemplate);
    }

    public static boolean privileged(RoleModel role) {
        return "true".equals(role.getFirstAttribute(PRIVILEGED));
    }

    static List<RoleModel> all(RealmModel realm) {
        return realm.getRolesStream().filter(RoleTemplateRoles::isTemplate)
                .sorted(Comparator.comparing(RoleModel::getName)).toList();
    }

    /**
     * The templates mapped to the user directly as realm roles, by name: the form before templates
     * were held per account (legacy; they count in no account, see TemplateMigration).
     */
    public static List<String> realmLevel(UserModel user) {
        return user.getRealmRoleMappingsStream().filter(RoleTemplateRoles::isTemplate).map(RoleModel::getName).sorted().toList();
    }

    /** A role template as the pickers show it (GET /mx/accounts/{account}/grantable-templates). */
    public record GrantableTemplate(String name, @Nullable String description, boolean privileged, boolean readOnly,
                                    /* The template this is the read-only variant of, when it is one. */
                                    @Nullable String readOnlyVariantOf) {
    }

    static GrantableTemplate view(RoleModel role) {
        boolean readOnly = "true".equals(role.getFirstAttribute(READ_ONLY));
        return new GrantableTemplate(role.getName(), role.getDescription(), privileged(role), readOnly,
                readOnly && role.getName().endsWith(READ_ONLY_SUFFIX)
                        ? role.getName().substring(0, role.getName().length() - READ_ONLY_SUFFIX.length()) : null);
    }
}

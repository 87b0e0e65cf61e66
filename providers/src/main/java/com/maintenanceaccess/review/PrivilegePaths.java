package com.maintenanceaccess.review;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.keycloak.models.GroupModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Every path by which a privileged role template reaches a person: granted directly, as a
 * composite of another role, through a group, or through a parent group. The setup review lists
 * them and the access review listener warns for each, so no path stays silent.
 */
final class PrivilegePaths {

    private PrivilegePaths() {
    }

    static boolean isPrivilegedTemplate(RoleModel role) {
        return !role.isClientRole() && "true".equals(role.getFirstAttribute(UserFactsReader.PRIVILEGED))
                && UserFactsReader.TEMPLATE.equals(role.getFirstAttribute(UserFactsReader.MANAGED));
    }

    /** How {@code target} reaches the user, e.g. {@code direct}, {@code composite ops-lead}, {@code group /admins}. */
    static List<String> of(UserModel user, RoleModel target) {
        List<String> paths = new ArrayList<>(via(user.getRoleMappingsStream(), target, null));
        // Realm-level paths only: Keycloak keeps organization groups (templates held in an account,
        // see UserFactsReader) out of the user's group list.
        user.getGroupsStream().forEach(group -> paths.addAll(ofGroup(group, target)));
        return paths;
    }

    /** How {@code target} reaches the members of {@code group}: its own mappings and its parents'. */
    static List<String> ofGroup(GroupModel group, RoleModel target) {
        String path = KeycloakModelUtils.buildGroupPath(group);
        List<String> paths = new ArrayList<>(via(group.getRoleMappingsStream(), target, "group " + path));
        for (GroupModel parent = group.getParent(); parent != null; parent = parent.getParent()) {
            paths.addAll(via(parent.getRoleMappingsStream(), target,
                    "parent group " + KeycloakModelUtils.buildGroupPath(parent) + " of " + path));
        }
        return paths;
    }

    /** The paths through one set of mappings; {@code where} null means the user's own mappings. */
    static List<String> via(Stream<RoleModel> mappings, RoleModel target, String where) {
        List<String> paths = new ArrayList<>();
        mappings.forEach(role -> {
            if (role.getId().equals(target.getId())) {
                paths.add(where == null ? "direct" : where);
            } else if (role.isComposite() && role.hasRole(target)) {
                paths.add((where == null ? "" : where + " through ") + "composite " + role.getName());
            }
        });
        return paths;
    }
}

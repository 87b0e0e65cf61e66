package com.maintenanceaccess.review;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.keycloak.models.GroupModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Every path by which a privileged role template reaches a person: held in an account, granted
 * directly, as a composite of another role, through a group, or through a parent group. The setup
 * review lists them and the access review listener warns for each, so no path stays silent.
 */
final class PrivilegePaths {

    private PrivilegePaths() {
    }

    /**
     * One path: the English text (the listener's warning, the stored acknowledgement, API clients:
     * {@code direct}, {@code composite ops-lead}, {@code group /admins}, {@code account demo-mro template})
     * and the same as a message key of the themes ({@code mxEvidence.path.*}) with its parameters,
     * for the workspace in the person's language (accounts by name, roles and groups by kind).
     */
    record PrivilegePath(String text, EvidencePart part) {
    }

    /**
     * Where a mapping is found, when not on the user: a group, or a parent group of one; the key's
     * name ({@code group}, {@code parentGroup}) and its parameters, to which a composite adds the role.
     */
    record Where(String text, String key, List<EvidenceParam> params) {
        static Where group(String path) {
            return new Where("group " + path, "group", List.of(EvidenceParam.of("group", path)));
        }

        static Where parentGroup(String parent, String path) {
            return new Where("parent group " + parent + " of " + path, "parentGroup",
                    List.of(EvidenceParam.of("group", parent), EvidenceParam.of("group", path)));
        }
    }

    static boolean isPrivilegedTemplate(RoleModel role) {
        return !role.isClientRole() && "true".equals(role.getFirstAttribute(UserFactsReader.PRIVILEGED))
                && UserFactsReader.TEMPLATE.equals(role.getFirstAttribute(UserFactsReader.MANAGED));
    }

    /**
     * A template held in an account (its template group): the template itself ({@code through} null)
     * or one it includes, reached through the template {@code through}.
     */
    static PrivilegePath inAccount(String alias, String accountName, String through) {
        String text = "account " + alias + " template";
        EvidenceParam account = EvidenceParam.accounts(List.of(accountName));
        return through == null
                ? new PrivilegePath(text, EvidencePart.of("path.accountTemplate", account))
                : new PrivilegePath(text + " through composite " + through,
                        EvidencePart.of("path.accountTemplateComposite", account, EvidenceParam.templates(List.of(through))));
    }

    /** How {@code target} reaches the user: their own mappings, their groups and the groups' parents. */
    static List<PrivilegePath> of(UserModel user, RoleModel target) {
        List<PrivilegePath> paths = new ArrayList<>(via(user.getRoleMappingsStream(), target, null));
        // Realm-level paths only: Keycloak keeps organization groups (templates held in an account,
        // see UserFactsReader) out of the user's group list.
        user.getGroupsStream().forEach(group -> paths.addAll(ofGroup(group, target)));
        return paths;
    }

    /** How {@code target} reaches the members of {@code group}: its own mappings and its parents'. */
    static List<PrivilegePath> ofGroup(GroupModel group, RoleModel target) {
        String path = KeycloakModelUtils.buildGroupPath(group);
        List<PrivilegePath> paths = new ArrayList<>(via(group.getRoleMappingsStream(), target, Where.group(path)));
        for (GroupModel parent = group.getParent(); parent != null; parent = parent.getParent()) {
            paths.addAll(via(parent.getRoleMappingsStream(), target,
                    Where.parentGroup(KeycloakModelUtils.buildGroupPath(parent), path)));
        }
        return paths;
    }

    /** The paths through one set of mappings; {@code where} null means the user's own mappings. */
    static List<PrivilegePath> via(Stream<RoleModel> mappings, RoleModel target, Where where) {
        List<PrivilegePath> paths = new ArrayList<>();
        mappings.forEach(role -> {
            if (role.getId().equals(target.getId())) {
                paths.add(where == null ? new PrivilegePath("direct", EvidencePart.of("path.direct"))
                        : new PrivilegePath(where.text(), new EvidencePart("mxEvidence.path." + where.key(), where.params())));
            } else if (role.isComposite() && role.hasRole(target)) {
                EvidenceParam composite = EvidenceParam.of("role", role.getName());
                if (where == null) {
                    paths.add(new PrivilegePath("composite " + role.getName(), EvidencePart.of("path.composite", composite)));
                } else {
                    List<EvidenceParam> params = new ArrayList<>(where.params());
                    params.add(composite);
                    paths.add(new PrivilegePath(where.text() + " through composite " + role.getName(),
                            new EvidencePart("mxEvidence.path." + where.key() + "Composite", params)));
                }
            }
        });
        return paths;
    }

    /** The English texts of paths (the listener's warning, the stored acknowledgement). */
    static List<String> texts(List<PrivilegePath> paths) {
        return paths.stream().map(PrivilegePath::text).toList();
    }
}

package com.maintenanceaccess.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.maintenanceaccess.account.AccountTemplates;
import com.maintenanceaccess.account.RoleTemplateRoles;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * SCIM Groups of one account: its role templates (docs/scim.md "Groups"). A directory group is
 * the account's organization group of one template ({@code account/AccountTemplates}); being a
 * member is holding the template in this account. Which template a directory group stands for:
 * the account's mapping (organization attribute {@value #MAPPING}, values
 * {@code <directory group name>=<template>}), else a template of the same name. Privileged
 * templates are refused unless the account allows them ({@value #PRIVILEGED} = {@code allow}).
 */
final class ScimGroups {

    static final String MAPPING = ScimSettings.MAPPING;
    static final String PRIVILEGED = ScimSettings.PRIVILEGED;
    static final String DISPLAY_NAME = "mx.scim.display-name";
    static final String EXTERNAL_ID = "mx.scim.external-id";
    static final int MAX_MEMBERS = 1000;
    static final Set<String> SCHEMAS = Set.of(ScimJson.GROUP, ScimJson.ENTRA_GROUP);

    private final KeycloakSession session;
    private final RealmModel realm;
    private final ScimCaller caller;
    private final OrganizationModel account;
    private final String baseUrl;

    ScimGroups(KeycloakSession session, ScimCaller caller, String baseUrl) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.caller = caller;
        this.account = caller.account();
        this.baseUrl = baseUrl;
    }

    static String displayName(GroupModel group) {
        String name = group.getFirstAttribute(DISPLAY_NAME);
        return name != null ? name : group.getName();
    }

    ObjectNode list(ScimFilter filter, int startIndex, int count) {
        List<GroupModel> all = AccountTemplates.groups(session, account).filter(group -> filter == null || switch (filter.attribute()) {
            case ID -> group.getId().equals(filter.value());
            case DISPLAY_NAME -> displayName(group).equalsIgnoreCase(filter.value());
            case EXTERNAL_ID -> filter.value().equals(group.getFirstAttribute(EXTERNAL_ID));
            default -> false;
        }).toList();
        ObjectNode answer = ScimPatch.object();
        answer.putArray("schemas").add(ScimJson.LIST_RESPONSE);
        answer.put("totalResults", all.size());
        answer.put("startIndex", startIndex);
        List<GroupModel> page = all.stream().skip(startIndex - 1L).limit(count).toList();
        answer.put("itemsPerPage", page.size());
        ArrayNode resources = answer.putArray("Resources");
        page.forEach(group -> resources.add(view(group)));
        return answer;
    }

    ObjectNode get(String id) {
        return view(group(id));
    }

    ObjectNode create(ObjectNode body) {
        ScimJson.requireSchemas(body, ScimJson.GROUP, SCHEMAS);
        String displayName = requiredName(body);
        String externalId = ScimJson.text(body.get("externalId"), "externalId", 255);
        RoleModel template = template(displayName);
        List<UserModel> members = members(body.get("members"), "members");
        GroupModel existing = AccountTemplates.groups(session, account)
                .filter(group -> template.getName().equals(group.getFirstAttribute(AccountTemplates.TEMPLATE))).findFirst().orElse(null);
        if (existing != null && existing.getFirstAttribute(DISPLAY_NAME) != null) {
            throw ScimError.uniqueness("displayName: the template of " + displayName + " already has a group here ("
                    + displayName(existing) + ")");
        }
        GroupModel group = existing != null ? existing : AccountTemplates.group(session, account, template.getName());
        group.setSingleAttribute(DISPLAY_NAME, displayName);
        setExternalId(group, externalId);
        members.forEach(user -> join(group, user));
        ObjectNode after = view(group);
        caller.audit(session, OperationType.CREATE, ScimResource.KIND_GROUP, "Groups/" + group.getId(), null, after);
        return after;
    }

    ObjectNode replace(String id, ObjectNode body, String ifMatch) {
        GroupModel group = group(id);
        ObjectNode before = view(group);
        ScimUsers.requireVersion(before, ifMatch);
        ScimJson.requireSchemas(body, ScimJson.GROUP, SCHEMAS);
        String displayName = requiredName(body);
        requireSameTemplate(group, displayName);
        List<UserModel> members = members(body.get("members"), "members");
        group.setSingleAttribute(DISPLAY_NAME, displayName);
        setExternalId(group, ScimJson.text(body.get("externalId"), "externalId", 255));
        setMembers(group, members);
        return audited(group, before);
    }

    /** Entra ID's and Okta's group PATCHes: members added, removed (by filter or by value) or replaced, displayName replaced. */
    ObjectNode patch(String id, ObjectNode body, String ifMatch) {
        GroupModel group = group(id);
        ObjectNode before = view(group);
        ScimUsers.requireVersion(before, ifMatch);
        List<Runnable> changes = new ArrayList<>();
        int i = 0;
        for (JsonNode operation : ScimPatch.operations(body)) {
            String at = "Operations[" + i++ + "]";
            String op = operation.get("op").asText().toLowerCase(Locale.ROOT);
            String path = ScimJson.text(operation.get("path"), at + ".path", 500);
            JsonNode value = operation.get("value");
            if (path == null) {
                if ("remove".equals(op) || value == null || !value.isObject()) {
                    throw "remove".equals(op) ? ScimError.noTarget(at + ".path: required for remove")
                            : ScimError.invalidValue(at + ".value: an object of attributes when there is no path");
                }
                value.fields().forEachRemaining(field -> changes.add(change(group, op, field.getKey(), field.getValue(), at)));
            } else {
                changes.add(change(group, op, path, value, at));
            }
        }
        changes.forEach(Runnable::run); // every operation was checked before the first is applied
        return audited(group, before);
    }

    void delete(String id, String ifMatch) {
        GroupModel group = group(id);
        ObjectNode before = view(group);
        ScimUsers.requireVersion(before, ifMatch);
        // The group is where the account keeps the template: it stays, without the directory's members and names.
        setMembers(group, List.of());
        group.removeAttribute(DISPLAY_NAME);
        group.removeAttribute(EXTERNAL_ID);
        caller.audit(session, OperationType.DELETE, ScimResource.KIND_GROUP, "Groups/" + group.getId(), before, null);
    }

    // ------------------------------------------------------------------------------------

    private Runnable change(GroupModel group, String op, String rawPath, JsonNode value, String at) {
        String path = rawPath.trim();
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.startsWith(ScimJson.GROUP.toLowerCase(Locale.ROOT) + ":")) {
            lower = lower.substring(ScimJson.GROUP.length() + 1);
        }
        if (lower.equals("members")) {
            List<UserModel> users = "remove".equals(op) && value == null ? null : members(value, at + ".value");
            return switch (op) {
                case "add" -> () -> users.forEach(user -> {
                    if (!user.isMemberOf(group)) {
                        join(group, user);
                    }
                });
                case "remove" -> () -> (users == null ? members(group) : users).forEach(user -> user.leaveGroup(group));
                default -> () -> setMembers(group, users);
            };
        }
        var filtered = java.util.regex.Pattern.compile("members\\[\\s*value\\s+eq\\s+\"([^\"]+)\"\\s*\\]",
                java.util.regex.Pattern.CASE_INSENSITIVE).matcher(path);
        if (filtered.matches() && "remove".equals(op)) {
            UserModel user = organizations().getMemberById(account, filtered.group(1));
            return () -> {
                if (user != null && user.isMemberOf(group)) {
                    user.leaveGroup(group);
                }
            };
        }
        if (lower.equals("displayname") && !"remove".equals(op)) {
            String name = ScimJson.text(value, at + ".value", 255);
            if (name == null) {
                throw ScimError.invalidValue(at + ".value: displayName must be a non-empty string");
            }
            requireSameTemplate(group, name);
            return () -> group.setSingleAttribute(DISPLAY_NAME, name);
        }
        if (lower.equals("id") && !"remove".equals(op) && value != null && group.getId().equals(value.asText())) {
            return () -> { }; // Okta's path-less replace repeats the group's own id
        }
        if (lower.equals("externalid")) {
            String externalId = "remove".equals(op) ? null : ScimJson.text(value, at + ".value", 255);
            return () -> setExternalId(group, externalId);
        }
        throw ScimError.invalidPath(at + ".path: " + rawPath + " is not supported (members, members[value eq \"…\"],"
                + " displayName, externalId)");
    }

    private ObjectNode audited(GroupModel group, ObjectNode before) {
        ObjectNode after = view(group);
        if (!after.equals(before)) {
            caller.audit(session, OperationType.UPDATE, ScimResource.KIND_GROUP, "Groups/" + group.getId(), before, after);
        }
        return after;
    }

    private static String requiredName(ObjectNode body) {
        String displayName = ScimJson.text(body.get("displayName"), "displayName", 255);
        if (displayName == null) {
            throw ScimError.invalidValue("displayName: required");
        }
        return displayName;
    }

    /** The template a directory group name stands for in this account; 400 invalidValue when none or not allowed. */
    RoleModel template(String displayName) {
        String name = ScimSettings.mappedTemplate(account.getAttributes(), displayName).orElse(displayName);
        RoleModel template = RoleTemplateRoles.byName(realm, name).orElseThrow(() -> ScimError.invalidValue(
                "displayName: " + displayName + " is mapped to no role template of this realm (the account's "
                        + MAPPING + " maps directory groups to templates)"));
        boolean allowed = ScimSettings.privilegedAllowed(account.getAttributes());
        if (RoleTemplateRoles.privileged(template) && !allowed) {
            throw ScimError.invalidValue("displayName: " + displayName + " maps to the privileged template " + name
                    + ", which this account does not let its directory grant");
        }
        return template;
    }

    private void requireSameTemplate(GroupModel group, String displayName) {
        if (!template(displayName).getName().equals(group.getFirstAttribute(AccountTemplates.TEMPLATE))) {
            throw ScimError.mutability("displayName: " + displayName + " maps to another template than this group's");
        }
    }

    /** The users named in a members list, each a person of this account (400 invalidValue naming the entry otherwise). */
    private List<UserModel> members(JsonNode list, String attribute) {
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw ScimError.invalidValue(attribute + ": must be a list of {value: <user id>}");
        }
        if (list.size() > MAX_MEMBERS) {
            throw ScimError.invalidValue(attribute + ": at most " + MAX_MEMBERS + " members per request");
        }
        Set<UserModel> users = new LinkedHashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String id = list.get(i).isObject() ? ScimJson.text(list.get(i).get("value"), attribute + "[" + i + "].value", 255) : null;
            UserModel user = id == null ? null : organizations().getMemberById(account, id);
            if (user == null) {
                throw ScimError.invalidValue(attribute + "[" + i + "].value: no user " + id + " in this account");
            }
            users.add(user);
        }
        return List.copyOf(users);
    }

    private void setMembers(GroupModel group, List<UserModel> wanted) {
        Set<String> ids = new java.util.HashSet<>();
        wanted.forEach(user -> ids.add(user.getId()));
        members(group).stream().filter(user -> !ids.contains(user.getId())).forEach(user -> user.leaveGroup(group));
        wanted.stream().filter(user -> !user.isMemberOf(group)).forEach(user -> join(group, user));
    }

    /**
     * Gives the template; a privileged one (only when the account allows its directory that) raises
     * the same privileged-grant warning as a grant in the console or the people API
     * ({@code review/AccessReviewListener}), with the token's name as actor.
     */
    private void join(GroupModel group, UserModel user) {
        user.joinGroup(group);
        RoleModel template = RoleTemplateRoles.byName(realm, group.getFirstAttribute(AccountTemplates.TEMPLATE)).orElse(null);
        if (template != null && RoleTemplateRoles.privileged(template)) {
            java.util.Map<String, Object> warning = new java.util.LinkedHashMap<>();
            warning.put("warning", "privileged role template granted: confirm the user needs administrator access");
            warning.put("roles", List.of(template.getName()));
            warning.put("paths", java.util.Map.of(template.getName(), List.of("template group " + group.getName()
                    + " of account " + account.getId() + " (provisioning token " + caller.actor() + ")")));
            warning.put("to", "user " + user.getId());
            warning.put("grant", "accounts/" + account.getId() + "/scim/v2/Groups/" + group.getId());
            com.maintenanceaccess.kernel.AdminAudit.bySystem(session, realm, caller.actor(), OperationType.ACTION,
                    com.maintenanceaccess.review.AccessReviewListener.WARNING_RESOURCE_TYPE,
                    "accounts/" + account.getId() + "/scim/v2/Groups/" + group.getId(), warning);
        }
    }

    private List<UserModel> members(GroupModel group) {
        return session.users().getGroupMembersStream(realm, group, 0, MAX_MEMBERS * 10).toList();
    }

    private static void setExternalId(GroupModel group, String externalId) {
        if (externalId == null) {
            group.removeAttribute(EXTERNAL_ID);
        } else {
            group.setSingleAttribute(EXTERNAL_ID, externalId);
        }
    }

    private GroupModel group(String id) {
        Optional<GroupModel> group = AccountTemplates.groups(session, account).filter(g -> g.getId().equals(id)).findFirst();
        return group.orElseThrow(() -> ScimError.notFound("Group", id));
    }

    ObjectNode view(GroupModel group) {
        ObjectNode view = ScimPatch.object();
        view.putArray("schemas").add(ScimJson.GROUP);
        view.put("id", group.getId());
        String externalId = group.getFirstAttribute(EXTERNAL_ID);
        if (externalId != null) {
            view.put("externalId", externalId);
        }
        view.put("displayName", displayName(group));
        ArrayNode members = view.putArray("members");
        members(group).stream().sorted(java.util.Comparator.comparing(UserModel::getId)).forEach(user -> {
            ObjectNode member = members.addObject();
            member.put("value", user.getId());
            member.put("display", user.getUsername());
            member.put("$ref", baseUrl + "/Users/" + user.getId());
        });
        ObjectNode meta = view.putObject("meta");
        meta.put("resourceType", "Group");
        meta.put("location", baseUrl + "/Groups/" + group.getId());
        meta.put("version", ScimUsers.version(view));
        return view;
    }

    private OrganizationProvider organizations() {
        return session.getProvider(OrganizationProvider.class);
    }
}

package com.maintenanceaccess.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.maintenanceaccess.kernel.AccountPermission;
import com.maintenanceaccess.kernel.Authority;
import com.maintenanceaccess.kernel.AdminAudit;
import com.maintenanceaccess.authorization.AuthorizationFeature;
import com.maintenanceaccess.invitation.model.Invitation;
import com.maintenanceaccess.invitation.model.InvitationEvents;
import com.maintenanceaccess.account.AccountMembers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.keycloak.events.EventStoreProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.util.JsonSerialization;

/**
 * A person's history, read from the admin events the bundle (and Keycloak's admin console) already
 * writes: what happened, when, and who did it, by name ({@code GET /mx/users/{id}/history?account=}).
 * Only what the caller may see: membership changes of an account in the view ({@link ReviewAccount})
 * where the caller may view people, and personnel-authorization events of records the caller may
 * read ({@link Authority#mayOnRecord}); the person's own invitation and deactivation events come with
 * the person (the caller may view them).
 *
 * <p>Each entry is {@code {at, event, actor, reason?, actorOutsideRealm?}}: {@code event} one of a
 * fixed list (the console has a sentence for each, in both languages), {@code actor} the actor's
 * name (first and last name, else the username; null when the actor no longer exists, or is an
 * administrator of the server: then {@code actorOutsideRealm}). No ids.
 */
public final class PersonHistory {

    static final int MAX = 100;

    private PersonHistory() {
    }

    static List<Map<String, Object>> of(KeycloakSession session, Authority caller, UserModel person,
                                        OrganizationModel inAccount) {
        String personId = person.getId();
        RealmModel realm = session.getContext().getRealm();
        EventStoreProvider store = session.getProvider(EventStoreProvider.class);
        List<Map<String, Object>> entries = new ArrayList<>();
        if (store == null) {
            return entries;
        }
        Predicate<String> people = account -> ReviewAccount.shows(inAccount, account)
                && caller.mayOnRecord(person, account, AccountPermission.VIEW_PEOPLE);
        Predicate<String> records = account -> ReviewAccount.shows(inAccount, account)
                && caller.mayOnRecord(person, account, AccountPermission.VIEW_AUTHORIZATIONS);
        Map<String, String> names = new LinkedHashMap<>();
        store.createAdminQuery().realm(realm.getId()).resourcePath("*" + personId + "*").orderByDescTime()
                .maxResults(MAX).getResultStream().forEach(event -> {
                    String kind = event(event, people, records);
                    if (kind == null) {
                        return;
                    }
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("at", Instant.ofEpochMilli(event.getTime()).toString());
                    entry.put("event", kind);
                    String actorId = event.getAuthDetails() == null ? null : event.getAuthDetails().getUserId();
                    String actorRealm = event.getAuthDetails() == null ? null : event.getAuthDetails().getRealmId();
                    boolean outside = actorRealm != null && !actorRealm.equals(realm.getId());
                    entry.put("actor", actorId == null || outside ? null
                            : names.computeIfAbsent(actorId, id -> name(session, realm, id)));
                    if (outside) {
                        // An administrator of the server (the master realm), not a person of this realm.
                        entry.put("actorOutsideRealm", true);
                    }
                    String reason = text(representation(event), "reason");
                    if (reason != null && (kind.equals("deactivated") || kind.equals("reactivated")
                            || kind.startsWith("authorization-"))) {
                        entry.put("reason", reason);
                    }
                    entries.add(entry);
                });
        // Accepting an invitation is the person's own sign-in, not an admin event: it comes from the invitation.
        Invitation invitation = Invitation.read(name -> person.getAttributeStream(name).toList());
        Instant accepted = invitation == null ? null : invitation.acceptedAt();
        if (accepted != null) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("at", accepted.toString());
            entry.put("event", "invitation-accepted");
            entry.put("actor", name(session, realm, personId));
            entries.add(entry);
            entries.sort(java.util.Comparator.comparing((Map<String, Object> e) -> Instant.parse((String) e.get("at"))).reversed());
        }
        return entries;
    }

    /** The event's name in the history, or null when it is not shown on this account's page. */
    static String event(AdminEvent event, Predicate<String> people, Predicate<String> records) {
        String path = event.getResourcePath() == null ? "" : event.getResourcePath();
        if (path.startsWith("accounts/") && !people.test(path.split("/")[1])) {
            return null;
        }
        if (event.getResourceType() != ResourceType.CUSTOM) {
            // Keycloak's own admin console: the user itself (not a token, a session or another user's path).
            return event.getResourceType() == ResourceType.USER && path.startsWith("users/")
                    ? "console-" + event.getOperationType().name().toLowerCase() : null;
        }
        Map<String, String> details = event.getDetails() == null ? Map.of() : event.getDetails();
        String kind = details.get(AdminAudit.KIND);
        if (kind == null) {
            return null;
        }
        JsonNode representation = representation(event);
        switch (kind) {
            case AccountMembers.RESOURCE_TYPE: {
                return switch (event.getOperationType()) {
                    case CREATE -> representation != null && representation.path("joined").asBoolean() ? "joined" : "added";
                    case DELETE -> "removed";
                    default -> "accountRoles".equals(text(representation, "what")) ? "account-roles" : "templates";
                };
            }
            case InvitationEvents.RESOURCE_TYPE: {
                String what = details.get(InvitationEvents.DETAIL);
                return what == null ? null : switch (what) {
                    case "sent", "resent", "revoked", "address-changed", "accepted", "expired" -> "invitation-" + what;
                    default -> "invitation-changed";
                };
            }
            case UserAccessResource.RESOURCE_TYPE: {
                if (path.endsWith("/deactivate")) {
                    return "deactivated";
                }
                return path.endsWith("/reactivate") ? "reactivated" : null;
            }
            case AuthorizationFeature.RESOURCE_TYPE: {
                if (representation == null) {
                    return null;
                }
                JsonNode record = representation.hasNonNull("after") ? representation.get("after") : representation.get("before");
                if (!records.test(record == null ? null : text(record, "account"))) {
                    return null;
                }
                String action = details.getOrDefault("action", text(representation, "action"));
                return action == null ? null : switch (action) {
                    case "grant", "suspend", "reinstate", "revoke", "remove", "correct" -> "authorization-" + action;
                    default -> "authorization-changed";
                };
            }
            default:
                return null;
        }
    }

    private static JsonNode representation(AdminEvent event) {
        if (event.getRepresentation() == null) {
            return null;
        }
        try {
            return JsonSerialization.readValue(event.getRepresentation(), JsonNode.class);
        } catch (Exception e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        return node == null || !node.hasNonNull(field) || !node.get(field).isValueNode() ? null : node.get(field).asText();
    }

    /** The actor's name: first and last name, else the username; null when the user is gone. */
    static String name(KeycloakSession session, RealmModel realm, String userId) {
        UserModel user = session.users().getUserById(realm, userId);
        if (user == null) {
            return null;
        }
        String name = String.join(" ", java.util.stream.Stream.of(user.getFirstName(), user.getLastName())
                .filter(part -> part != null && !part.isBlank()).toList());
        return name.isBlank() ? user.getUsername() : name;
    }
}

package com.maintenanceaccess.scim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.maintenanceaccess.account.AccountMembers;
import com.maintenanceaccess.account.AccountTemplates;
import com.maintenanceaccess.account.RoleTemplateRoles;
import com.maintenanceaccess.kernel.Authority;
import com.maintenanceaccess.invitation.Invitations;
import com.maintenanceaccess.invitation.PeopleInvitations;
import com.maintenanceaccess.review.UserAccessResource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.userprofile.UserProfileContext;
import org.keycloak.userprofile.UserProfileProvider;
import org.keycloak.userprofile.ValidationException;

/**
 * SCIM Users of one account: the account's people (docs/scim.md "GroupMapping").
 *
 * <p>The fence: a user outside the token's account is 404 like an unknown id. Realm-wide facts of a
 * person (userName, e-mail, names, being enabled) are changed only for a person whose <b>only</b>
 * account is this one and who is no realm operator ("owned here"); for anybody else the account's
 * own side is all a token changes: its {@code externalId}, its templates, its membership, and
 * {@code active: false} suspends the person in this account (their templates here are put aside)
 * instead of deactivating them everywhere. So a directory of account B can neither read nor change
 * anything account A sees.
 */
public final class ScimUsers {

    /** Per account: the directory's id for the person. */
    static final String EXTERNAL_ID = "mx.scim.external-id.";
    /** The accounts that provisioned the person (multi-valued account ids): "provisioned from directory". */
    static final String PROVISIONED = "mx.scim.provisioned";
    /** Per account: the templates put aside while the directory says {@code active: false} (shared person). */
    static final String SUSPENDED = "mx.scim.suspended.";
    /** The deactivation record's {@code by} of a deactivation the directory made (so that it may undo it). */
    static final String BY_DIRECTORY = "provisioning token ";
    static final int MAX_PAGE = 100;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final ScimCaller caller;
    private final OrganizationModel account;
    private final String baseUrl;

    ScimUsers(KeycloakSession session, ScimCaller caller, String baseUrl) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.caller = caller;
        this.account = caller.account();
        this.baseUrl = baseUrl;
    }

    /** Whether the account provisioned this person (the people list's "provisioned from directory"). */
    public static boolean provisioned(UserModel user, OrganizationModel account) {
        return user.getAttributeStream(PROVISIONED).anyMatch(account.getId()::equals);
    }

    // ---- read ---------------------------------------------------------------------------

    ObjectNode get(String id) {
        return view(member(id));
    }

    /** A list response: the filter (one attribute, eq), 1-based startIndex, count at most {@value #MAX_PAGE}. */
    ObjectNode list(ScimFilter filter, int startIndex, int count) {
        List<UserModel> page = new ArrayList<>();
        long total;
        if (filter == null) {
            total = organizations().getMembersCount(account);
            if (count > 0) {
                page.addAll(organizations().getMembersStream(account, (String) null, false, startIndex - 1, count).toList());
            }
        } else {
            List<UserModel> matches = matching(filter);
            total = matches.size();
            matches.stream().skip(startIndex - 1L).limit(count).forEach(page::add);
        }
        ObjectNode answer = ScimPatch.object();
        answer.putArray("schemas").add(ScimJson.LIST_RESPONSE);
        answer.put("totalResults", total);
        answer.put("startIndex", startIndex);
        answer.put("itemsPerPage", page.size());
        ArrayNode resources = answer.putArray("Resources");
        page.forEach(user -> resources.add(view(user)));
        return answer;
    }

    private List<UserModel> matching(ScimFilter filter) {
        String value = filter.value();
        Optional<UserModel> found = switch (filter.attribute()) {
            case ID -> Optional.ofNullable(organizations().getMemberById(account, value));
            case USER_NAME -> Optional.ofNullable(session.users().getUserByUsername(realm, value.toLowerCase(Locale.ROOT)));
            case EMAIL -> Optional.ofNullable(session.users().getUserByEmail(realm, value));
            case EXTERNAL_ID -> session.users().searchForUserByUserAttributeStream(realm, EXTERNAL_ID + account.getId(), value)
                    .findFirst();
            default -> Optional.empty();
        };
        // Only this account's people: a match elsewhere in the realm is no match.
        return found.filter(user -> organizations().isMember(account, user)).map(List::of).orElse(List.of());
    }

    // ---- write --------------------------------------------------------------------------

    /**
     * A new person, or a person who already exists in the realm (same e-mail address) linked into
     * this account as they are: nothing realm-wide of theirs is changed and nothing of their other
     * accounts is answered. Already in this account: 409 uniqueness.
     */
    ObjectNode create(ScimUserInput input) {
        UserModel byEmail = session.users().getUserByEmail(realm, input.email());
        UserModel byName = session.users().getUserByUsername(realm, input.userName().toLowerCase(Locale.ROOT));
        // A person is recognised by their address only: a userName that merely matches somebody else's
        // is a clash, never a reason to link that somebody into this account.
        if (byName != null && (byEmail == null || !byName.getId().equals(byEmail.getId()))) {
            throw ScimError.uniqueness("userName: " + input.userName() + (organizations().isMember(account, byName)
                    ? " is already a user of this account" : " is already used by another person"));
        }
        UserModel existing = byEmail;
        if (existing != null && organizations().isMember(account, existing)) {
            throw ScimError.uniqueness("userName: " + input.userName() + " is already a user of this account");
        }
        UserModel user;
        boolean linked = existing != null;
        if (linked) {
            user = existing;
            organizations().addMember(account, user);
        } else {
            user = createUser(input);
            organizations().addMember(account, user);
        }
        List<String> provisionedBy = new ArrayList<>(user.getAttributeStream(PROVISIONED).toList());
        if (!provisionedBy.contains(account.getId())) {
            provisionedBy.add(account.getId());
            user.setAttribute(PROVISIONED, provisionedBy);
        }
        setExternalId(user, input.externalId());
        if (!input.active()) {
            setActive(user, false, linked);
        }
        // The account's choice (docs/scim.md "Provisioning settings"): a new, active person gets the
        // bundle's invitation mail, the people API's own path; a linked person already gets in.
        // The invitation is an event of its own (MX_INVITATION, actor the token's name).
        if (!linked && input.active() && ScimSettings.INVITATION.equals(ScimSettings.onboarding(account.getAttributes()))) {
            PeopleInvitations.inviteKeepingThePerson(session, realm, user, account.getId(), actorId(),
                    caller.actor(), session.getContext().getUri());
        }
        ObjectNode after = view(user);
        Map<String, Object> before = linked ? Map.of("linked", true) : null;
        caller.audit(session, OperationType.CREATE, ScimResource.KIND_USER, "Users/" + user.getId(), before, after);
        return after;
    }

    /** PUT, and PATCH after it was applied to the current representation. */
    ObjectNode replace(String id, ScimUserInput input, String ifMatch) {
        UserModel user = member(id);
        ObjectNode before = view(user);
        requireVersion(before, ifMatch);
        if (ownedHere(user)) {
            updateRealmWide(user, input);
        }
        setExternalId(user, input.externalId());
        setActive(user, input.active());
        ObjectNode after = view(user);
        if (!after.equals(before)) {
            caller.audit(session, OperationType.UPDATE, ScimResource.KIND_USER, "Users/" + user.getId(), before, after);
        }
        return after;
    }

    /** The current representation (for PATCH) after the If-Match check. */
    ObjectNode current(String id, String ifMatch) {
        ObjectNode current = view(member(id));
        requireVersion(current, ifMatch);
        return current;
    }

    /** Out of this account (templates, account roles, membership, this account's SCIM marks); the user and their records stay. */
    void delete(String id, String ifMatch) {
        UserModel user = member(id);
        ObjectNode before = view(user);
        requireVersion(before, ifMatch);
        AccountMembers.removeFromAccount(session, account, user);
        user.removeAttribute(EXTERNAL_ID + account.getId());
        user.removeAttribute(SUSPENDED + account.getId());
        List<String> others = user.getAttributeStream(PROVISIONED).filter(a -> !a.equals(account.getId())).toList();
        if (others.isEmpty()) {
            user.removeAttribute(PROVISIONED);
        } else {
            user.setAttribute(PROVISIONED, others);
        }
        caller.audit(session, OperationType.DELETE, ScimResource.KIND_USER, "Users/" + user.getId(), before, null);
    }

    // ------------------------------------------------------------------------------------

    private UserModel createUser(ScimUserInput input) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put(UserModel.USERNAME, input.userName().toLowerCase(Locale.ROOT));
        attributes.put(UserModel.EMAIL, input.email());
        attributes.put(UserModel.FIRST_NAME, input.givenName());
        attributes.put(UserModel.LAST_NAME, input.familyName());
        try {
            UserModel user = session.getProvider(UserProfileProvider.class).create(UserProfileContext.USER_API, attributes).create();
            user.setEnabled(true);
            user.setEmailVerified(false);
            return user;
        } catch (ValidationException e) {
            throw ScimError.invalidValue(String.join("; ", e.getErrors().stream().map(error -> error.getAttribute() + ": "
                    + error.getFormattedMessage((key, parameters) -> key)).toList()));
        }
    }

    private void updateRealmWide(UserModel user, ScimUserInput input) {
        String userName = input.userName().toLowerCase(Locale.ROOT);
        if (!userName.equals(user.getUsername())) {
            UserModel holder = session.users().getUserByUsername(realm, userName);
            if (holder != null && !holder.getId().equals(user.getId())) {
                throw ScimError.uniqueness("userName: " + input.userName() + " is already used by another person");
            }
        }
        if (!input.email().equalsIgnoreCase(Objects.toString(user.getEmail(), ""))) {
            UserModel holder = session.users().getUserByEmail(realm, input.email());
            if (holder != null && !holder.getId().equals(user.getId()) && !realm.isDuplicateEmailsAllowed()) {
                throw ScimError.uniqueness("emails: " + input.email() + " is already used by another person");
            }
            user.setEmail(input.email());
            user.setEmailVerified(false);
        }
        if (!userName.equals(user.getUsername())) {
            user.setUsername(userName);
        }
        user.setFirstName(input.givenName());
        user.setLastName(input.familyName());
    }

    private void setExternalId(UserModel user, String externalId) {
        if (externalId == null) {
            user.removeAttribute(EXTERNAL_ID + account.getId());
        } else {
            user.setSingleAttribute(EXTERNAL_ID + account.getId(), externalId);
        }
    }

    /**
     * {@code active}: for a person owned here, the bundle's deactivation (disabled, sessions
     * ended, a record of who and why; records kept), undone by the directory only when the
     * directory made it. For anybody else, this account only: the person's templates here are
     * put aside and come back on {@code active: true}.
     */
    private void setActive(UserModel user, boolean active) {
        setActive(user, active, true);
    }

    /** {@code tell}: whether a deactivation notice goes to the person (not to one created inactive). */
    private void setActive(UserModel user, boolean active, boolean tell) {
        if (active == active(user)) {
            return;
        }
        String suspended = user.getFirstAttribute(SUSPENDED + account.getId());
        if (!active) {
            if (ownedHere(user)) {
                // The people API's deactivation, one way: disabled, sessions ended, a pending invitation revoked.
                UserAccessResource.deactivate(session, realm, user, BY_DIRECTORY + caller.actor(),
                        "deactivated by the account's directory (SCIM active: false)", caller.clock(),
                        () -> Invitations.revokePending(session, realm, user, actorId(), caller.actor()), tell);
            } else {
                user.setSingleAttribute(SUSPENDED + account.getId(),
                        String.join(",", AccountTemplates.names(session, account, user)));
                AccountTemplates.set(session, account, user, List.of());
            }
            return;
        }
        if (suspended != null) {
            List<RoleModel> templates = new ArrayList<>();
            for (String name : suspended.split(",")) {
                if (!name.isBlank()) {
                    RoleTemplateRoles.byName(realm, name.trim()).ifPresent(templates::add);
                }
            }
            templates.addAll(AccountTemplates.held(session, account, user));
            AccountTemplates.set(session, account, user, templates);
            user.removeAttribute(SUSPENDED + account.getId());
        }
        String deactivation = user.getFirstAttribute(UserAccessResource.DEACTIVATED);
        if (deactivation != null) {
            if (!deactivation.contains("\"by\":\"" + BY_DIRECTORY) || !ownedHere(user)) {
                throw ScimError.mutability("active: this person was deactivated by an administrator, who reactivates them"
                        + " (the directory cannot)");
            }
            user.setEnabled(true);
            user.removeAttribute(UserAccessResource.DEACTIVATED);
        } else if (!user.isEnabled() && ownedHere(user)) {
            user.setEnabled(true);
        }
    }

    /** The token as "invited by" / revoking actor of an invitation (not a user id). */
    private String actorId() {
        return "provisioning-token:" + caller.token().id();
    }

    private boolean active(UserModel user) {
        return user.isEnabled() && user.getFirstAttribute(UserAccessResource.DEACTIVATED) == null
                && user.getFirstAttribute(SUSPENDED + account.getId()) == null;
    }

    /** Only this account, and no realm operator: the directory of this account may change the person realm-wide. */
    private boolean ownedHere(UserModel user) {
        return organizations().getByMember(user).allMatch(other -> other.getId().equals(account.getId()))
                && !Authority.isRealmOperator(realm, user);
    }

    private UserModel member(String id) {
        UserModel user = id == null ? null : organizations().getMemberById(account, id);
        if (user == null) {
            throw ScimError.notFound("User", id);
        }
        return user;
    }

    /** The SCIM User of a person, as this account sees them (its externalId, its templates as groups). */
    ObjectNode view(UserModel user) {
        ObjectNode view = ScimPatch.object();
        view.putArray("schemas").add(ScimJson.USER);
        view.put("id", user.getId());
        String externalId = user.getFirstAttribute(EXTERNAL_ID + account.getId());
        if (externalId != null) {
            view.put("externalId", externalId);
        }
        view.put("userName", user.getUsername());
        ObjectNode name = view.putObject("name");
        name.put("givenName", user.getFirstName());
        name.put("familyName", user.getLastName());
        name.put("formatted", (Objects.toString(user.getFirstName(), "") + " " + Objects.toString(user.getLastName(), "")).trim());
        view.put("displayName", name.get("formatted").asText());
        if (user.getEmail() != null) {
            ObjectNode email = view.putArray("emails").addObject();
            email.put("value", user.getEmail());
            email.put("type", "work");
            email.put("primary", true);
        }
        view.put("active", active(user));
        ArrayNode groups = view.putArray("groups");
        for (GroupModel group : AccountTemplates.groupsOf(session, account, user)) {
            ObjectNode entry = groups.addObject();
            entry.put("value", group.getId());
            entry.put("display", ScimGroups.displayName(group));
            entry.put("$ref", baseUrl + "/Groups/" + group.getId());
        }
        ObjectNode meta = view.putObject("meta");
        meta.put("resourceType", "User");
        if (user.getCreatedTimestamp() != null) {
            meta.put("created", Instant.ofEpochMilli(user.getCreatedTimestamp()).toString());
        }
        meta.put("location", baseUrl + "/Users/" + user.getId());
        meta.put("version", version(view));
        return view;
    }

    /** A weak ETag of the representation (without meta): changes whenever anything the account sees changes. */
    static String version(ObjectNode view) {
        ObjectNode copy = view.deepCopy();
        copy.remove("meta");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(ScimJson.write(copy).getBytes(StandardCharsets.UTF_8));
            return "W/\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void requireVersion(ObjectNode current, String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || "*".equals(ifMatch.trim())) {
            return;
        }
        String version = current.path("meta").path("version").asText();
        String bare = version.startsWith("W/") ? version.substring(2) : version;
        for (String candidate : ifMatch.split(",")) {
            String c = candidate.trim();
            if (c.equals(version) || c.equals(bare) || (c.startsWith("W/") && c.substring(2).equals(bare))) {
                return;
            }
        }
        throw ScimError.versionMismatch();
    }

    private OrganizationProvider organizations() {
        return session.getProvider(OrganizationProvider.class);
    }
}

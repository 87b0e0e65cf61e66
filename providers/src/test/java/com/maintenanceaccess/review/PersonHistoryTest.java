package com.maintenanceaccess.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.maintenanceaccess.account.AccountMembers;
import com.maintenanceaccess.kernel.AdminAudit;
import com.maintenanceaccess.authorization.AuthorizationFeature;
import com.maintenanceaccess.invitation.model.InvitationEvents;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;

/** Which admin events a person's history shows, and as what (the authority filters are predicates here). */
class PersonHistoryTest {

    static final Predicate<String> ONLY_A = "A"::equals;

    @Test
    void membershipEventsOfAnotherAccountAreLeftOut() {
        AdminEvent inA = custom(AccountMembers.RESOURCE_TYPE, OperationType.UPDATE, "accounts/A/people/u",
                "{\"what\":\"accountRoles\"}", Map.of());
        AdminEvent inB = custom(AccountMembers.RESOURCE_TYPE, OperationType.UPDATE, "accounts/B/people/u",
                "{\"what\":\"templates\"}", Map.of());
        assertEquals("account-roles", PersonHistory.event(inA, ONLY_A, ONLY_A));
        assertNull(PersonHistory.event(inB, ONLY_A, ONLY_A));
        assertEquals("joined", PersonHistory.event(custom(AccountMembers.RESOURCE_TYPE, OperationType.CREATE,
                "accounts/A/people/u", "{\"joined\":true}", Map.of()), ONLY_A, ONLY_A));
        assertEquals("removed", PersonHistory.event(custom(AccountMembers.RESOURCE_TYPE, OperationType.DELETE,
                "accounts/A/people/u", null, Map.of()), ONLY_A, ONLY_A));
    }

    @Test
    void recordEventsOnlyOfRecordsTheCallerReads() {
        AdminEvent ofA = custom(AuthorizationFeature.RESOURCE_TYPE, OperationType.UPDATE, "users/u/authorizations/r",
                "{\"action\":\"correct\",\"after\":{\"account\":\"A\"},\"reason\":\"typo\"}", Map.of("action", "correct"));
        AdminEvent ofB = custom(AuthorizationFeature.RESOURCE_TYPE, OperationType.CREATE, "users/u/authorizations/r",
                "{\"action\":\"grant\",\"after\":{\"account\":\"B\"}}", Map.of("action", "grant"));
        assertEquals("authorization-correct", PersonHistory.event(ofA, ONLY_A, ONLY_A));
        assertNull(PersonHistory.event(ofB, ONLY_A, ONLY_A));
        assertNull(PersonHistory.event(ofA, ONLY_A, account -> false), "a caller who does not read records sees none");
    }

    @Test
    void invitationDeactivationAndConsoleEventsHaveTheirNames() {
        assertEquals("invitation-resent", PersonHistory.event(custom(InvitationEvents.RESOURCE_TYPE, OperationType.ACTION,
                "mx/invitations/u", null, Map.of(InvitationEvents.DETAIL, "resent")), ONLY_A, ONLY_A));
        assertEquals("deactivated", PersonHistory.event(custom(UserAccessResource.RESOURCE_TYPE, OperationType.ACTION,
                "users/u/deactivate", "{\"reason\":\"left\"}", Map.of()), ONLY_A, ONLY_A));
        AdminEvent console = new AdminEvent();
        console.setResourceType(ResourceType.USER);
        console.setOperationType(OperationType.UPDATE);
        console.setResourcePath("users/u");
        assertEquals("console-update", PersonHistory.event(console, ONLY_A, ONLY_A));
        AdminEvent session = new AdminEvent();
        session.setResourceType(ResourceType.USER_SESSION);
        session.setOperationType(OperationType.DELETE);
        session.setResourcePath("users/u/sessions");
        assertNull(PersonHistory.event(session, ONLY_A, ONLY_A));
    }

    private static AdminEvent custom(String kind, OperationType operation, String path, String representation,
                                     Map<String, String> details) {
        AdminEvent event = new AdminEvent();
        event.setResourceType(ResourceType.CUSTOM);
        event.setOperationType(operation);
        event.setResourcePath(path);
        event.setRepresentation(representation);
        Map<String, String> all = new java.util.HashMap<>(details);
        all.put(AdminAudit.KIND, kind);
        event.setDetails(all);
        return event;
    }
}

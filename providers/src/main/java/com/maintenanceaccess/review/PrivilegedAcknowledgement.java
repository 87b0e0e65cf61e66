package com.maintenanceaccess.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.maintenanceaccess.kernel.AdminAudit;
import jakarta.annotation.Nullable;
import com.maintenanceaccess.kernel.Authority;
import com.maintenanceaccess.kernel.Problems;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/**
 * An administrator's acknowledgement that a person legitimately holds their privileged role
 * templates (e.g. the account's administrator), with a reason: stored on the user (attribute
 * {@value #ATTRIBUTE}) and emitted as an admin event. The setup review's least-privilege check
 * passes while the acknowledgement covers exactly the privileged templates held; a new privileged
 * template (by any path) needs a new acknowledgement.
 */
public final class PrivilegedAcknowledgement {

    public static final String ATTRIBUTE = "mx.privileged.acknowledged";
    private static final ObjectMapper JSON = new ObjectMapper();

    private PrivilegedAcknowledgement() {
    }

    static UserFacts.Acknowledgement read(UserModel user) {
        String value = user.getFirstAttribute(ATTRIBUTE);
        if (value == null) {
            return null;
        }
        try {
            JsonNode json = JSON.readTree(value);
            Set<String> templates = new TreeSet<>();
            json.path("templates").forEach(t -> templates.add(t.asText()));
            return new UserFacts.Acknowledgement(templates, json.path("by").asText(), Instant.parse(json.path("at").asText()),
                    json.path("reason").asText());
        } catch (JsonProcessingException | RuntimeException e) {
            return null; // unreadable: as if none, the review asks again
        }
    }

    /**
     * Records the acknowledgement of the privileged templates the user holds now; returns the
     * change (before, after) or refuses with a 400 when there is nothing to acknowledge.
     */
    static AcknowledgementChange record(KeycloakSession session, Authority caller, UserModel user, UserFacts facts,
                         String reason, Instant now) {
        List<String> privileged = facts.templates().stream().filter(UserFacts.Template::privileged)
                .map(UserFacts.Template::name).sorted().toList();
        if (privileged.isEmpty()) {
            throw Problems.invalid("user", "holds no privileged role template, nothing to acknowledge");
        }
        PrivilegedAcknowledged after = new PrivilegedAcknowledged(privileged, texts(facts.standing().privilegedPaths()), caller.user().getUsername(),
                now.toString(), reason);
        String before = user.getFirstAttribute(ATTRIBUTE);
        try {
            user.setSingleAttribute(ATTRIBUTE, JSON.writeValueAsString(after));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        AcknowledgementChange change = new AcknowledgementChange(before, after);
        AdminAudit.byCaller(session, caller, OperationType.ACTION, UserAccessResource.RESOURCE_TYPE,
                "users/" + user.getId() + "/review/acknowledge-privileged", change);
        return change;
    }

    /** Every path in its English text, as the acknowledgement keeps them. */
    private static Map<String, List<String>> texts(Map<String, List<PrivilegePaths.PrivilegePath>> paths) {
        Map<String, List<String>> texts = new java.util.TreeMap<>();
        paths.forEach((template, each) -> texts.put(template, PrivilegePaths.texts(each)));
        return texts;
    }

    /**
     * What is acknowledged (also the stored attribute): the privileged templates, every path that grants
     * each, who, when and why.
     */
    public record PrivilegedAcknowledged(List<String> templates, Map<String, List<String>> paths, String by, String at,
                               String reason) {
    }

    /**
     * POST …/review/acknowledge-privileged answers the change (also the admin event's representation):
     * the acknowledgement before (the stored JSON text; absent when there was none) and after.
     */
    public record AcknowledgementChange(@Nullable String before, PrivilegedAcknowledged after) {
    }
}

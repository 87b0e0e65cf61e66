package com.maintenanceaccess.trail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.maintenanceaccess.api.Authority;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Which trail entries are one account's, for its export ({@link AccountExport}):
 * <ul>
 *   <li>a signature or refusal whose record names the account among the signer's accounts
 *       (as they were when the person signed);</li>
 *   <li>a personnel-authorization change of a person who is a member of the account now
 *       (the change entry does not name accounts; the account's readers see these people's
 *       authorizations through the API too).</li>
 * </ul>
 * Everything else (refusals of unknown signers, other accounts' people) is withheld.
 */
final class AccountEntries implements Predicate<TrailEntry> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeycloakSession session;
    private final RealmModel realm;
    private final Authority.AccountScope scope;
    private final String accountId;
    private final Map<String, Boolean> members = new HashMap<>();

    AccountEntries(KeycloakSession session, RealmModel realm, Authority.AccountScope scope) {
        this.session = session;
        this.realm = realm;
        this.scope = scope;
        this.accountId = scope.account().getId();
    }

    @Override
    public boolean test(TrailEntry entry) {
        return switch (entry.kind()) {
            case Trail.SIGNATURE, Trail.SIGNATURE_REFUSED -> signedInAccount(entry.body());
            case Trail.AUTHORIZATION_CHANGE -> entry.subjectId() != null && members.computeIfAbsent(entry.subjectId(), id -> {
                UserModel person = session.users().getUserById(realm, id);
                return person != null && scope.contains(person);
            });
            default -> false;
        };
    }

    private boolean signedInAccount(String body) {
        JsonNode record;
        try {
            record = JSON.readTree(body);
        } catch (IOException e) {
            return false; // an entry that is not JSON is nobody's; the chain check still covers it
        }
        return StreamSupport.stream(record.path("signer").path("accounts").spliterator(), false)
                .anyMatch(a -> accountId.equals(a.asText()));
    }
}

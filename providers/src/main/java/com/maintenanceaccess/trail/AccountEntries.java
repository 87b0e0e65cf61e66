package com.maintenanceaccess.trail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.maintenanceaccess.kernel.Authority;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.function.Predicate;
import org.keycloak.models.OrganizationModel;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Which trail entries are one account's, for its export ({@link AccountExport}):
 * <ul>
 *   <li>a signature or refusal made in the account ({@link Trail#signatureAccount}: the record's
 *       one account; an older record naming the signer's accounts counts only when it names just
 *       this one);</li>
 *   <li>a personnel-authorization change of a record the account issued (the change names the
 *       record before and after, and so its account). A change written before records had an
 *       issuing account counts when its person is a member of this account and of no other now,
 *       as the migration gives such a person's records to that account;</li>
 *   <li>an access review's decisions and close (they name the account).</li>
 * </ul>
 * Everything else (refusals of unknown signers, other accounts' records and people, records of
 * people in several accounts from before) is withheld, so the file names nothing of another account.
 */
final class AccountEntries implements Predicate<TrailEntry> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeycloakSession session;
    private final RealmModel realm;
    private final String accountId;
    private final Map<String, Boolean> onlyHere = new HashMap<>();

    AccountEntries(KeycloakSession session, RealmModel realm, Authority.AccountScope scope) {
        this.session = session;
        this.realm = realm;
        this.accountId = scope.account().getId();
    }

    @Override
    public boolean test(TrailEntry entry) {
        JsonNode body = body(entry);
        if (body == null) {
            return false; // an entry that is not JSON is nobody's; the chain check still covers it
        }
        return switch (entry.kind()) {
            case Trail.SIGNATURE, Trail.SIGNATURE_REFUSED -> accountId.equals(Trail.signatureAccount(body));
            case Trail.AUTHORIZATION_CHANGE -> changeInAccount(entry, body);
            // t25-notices: an access review's decisions and close name their account.
            case Trail.REVIEW_DECISION, Trail.REVIEW_CLOSED ->
                    accountId.equals(body.path("account").asText(null));
            default -> false;
        };
    }

    private boolean changeInAccount(TrailEntry entry, JsonNode body) {
        JsonNode record = body.path("after").isObject() ? body.path("after") : body.path("before");
        if (record.has("account")) {
            return accountId.equals(record.path("account").asText(null));
        }
        return entry.subjectId() != null && onlyHere.computeIfAbsent(entry.subjectId(), id -> {
            UserModel person = session.users().getUserById(realm, id);
            OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
            if (person == null || organizations == null) {
                return false;
            }
            List<String> accounts = organizations.getByMember(person).map(OrganizationModel::getId).limit(2).toList();
            return accounts.equals(List.of(accountId));
        });
    }

    private static JsonNode body(TrailEntry entry) {
        try {
            return JSON.readTree(entry.body());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}

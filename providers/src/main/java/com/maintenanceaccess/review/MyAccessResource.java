package com.maintenanceaccess.review;

import com.maintenanceaccess.access.AccessCatalog;
import com.maintenanceaccess.access.AccessCatalogStore;
import com.maintenanceaccess.kernel.Authority;
import jakarta.annotation.Nullable;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.List;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * {@code GET /realms/{realm}/mx/my-access}: the caller's own navigation, for the maintenance
 * app. Every page and action of the access catalog with the explain checks for the caller
 * themselves (their account, role, permission, feature, setup mode, authorization), so an app
 * shows a page it cannot open together with why. Only ever about the caller: no permission
 * is needed beyond a valid token of this realm.
 */
public class MyAccessResource {

    private final KeycloakSession session;
    private final Authority caller;
    private final Clock clock;

    public MyAccessResource(KeycloakSession session, Authority caller, Clock clock) {
        this.session = session;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public MyAccess mine(@QueryParam("account") String account) {
        RealmModel realm = session.getContext().getRealm();
        if (caller.user() == null) {
            return new MyAccess(null, List.of());
        }
        // One's own access in one account: the one named (a member of it), else the only one;
        // a person in several accounts who names none gets the realm view.
        OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
        OrganizationModel in = null;
        if (organizations != null && organizations.isEnabled()) {
            List<OrganizationModel> mine = organizations.getByMember(caller.user()).toList();
            if (account != null && !account.isBlank()) {
                in = mine.stream().filter(a -> a.getId().equals(account.trim()) || a.getAlias().equals(account.trim()))
                        .findFirst().orElseThrow(() -> com.maintenanceaccess.kernel.Problems.notFound("account", account));
            } else if (mine.size() == 1) {
                in = mine.get(0);
            }
        }
        // In an account: its templates and the records it issued only (a record counts only there).
        OrganizationModel inAccount = in;
        UserFacts facts = new UserFactsReader(session).read(caller.user(), inAccount, clock.instant(),
                issuer -> ReviewAccount.shows(inAccount, issuer));
        List<AccessCatalog.Page> pages = AccessCatalogStore.read(realm).map(AccessCatalog::pages).orElse(List.of());
        return new MyAccess(caller.user().getId(), pages.stream()
                .map(page -> new MyPage(page, AccessExplainer.explain(facts, page))).toList());
    }

    /** The caller's id (absent for a token without a user) and every page of the catalog with why they can reach it or not. */
    public record MyAccess(@Nullable String user, List<MyPage> pages) {
    }

    /** One page or action of the access catalog and the explain checks for the caller. */
    public record MyPage(AccessCatalog.Page page, AccessExplainer.Explanation explanation) {
    }
}

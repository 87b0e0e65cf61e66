package com.maintenanceaccess.account;

import com.maintenanceaccess.kernel.AdminAudit;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.timer.ScheduledTask;

/**
 * Switches setup mode off in every account whose end date has passed, with an admin event.
 * Tokens already stop reporting setup mode at the end date; this makes the stored setting,
 * the console and the audit trail agree.
 */
public class SetupModeExpiryTask implements ScheduledTask {

    public static final String TASK_NAME = "mx-setup-mode-expiry";
    private static final Logger LOG = Logger.getLogger(SetupModeExpiryTask.class);

    private final Clock clock;

    public SetupModeExpiryTask(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String getTaskName() {
        return TASK_NAME;
    }

    @Override
    public void run(KeycloakSession session) {
        Instant now = clock.instant();
        session.realms().getRealmsStream()
                .filter(RealmModel::isOrganizationsEnabled)
                .forEach(realm -> endExpiredSetupModes(session, realm, now));
    }

    private void endExpiredSetupModes(KeycloakSession session, RealmModel realm, Instant now) {
        session.getContext().setRealm(realm);
        OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
        if (organizations == null) {
            return;
        }
        List<OrganizationModel> due = organizations.getAllStream(Map.of(AccountSettings.SETUP_MODE, "on"), null, null)
                .filter(account -> AccountSettings.fromAttributes(account.getAttributes()).setupModeExpiredAt(now))
                .toList();
        for (OrganizationModel account : due) {
            AccountSettings before = AccountSettings.fromAttributes(account.getAttributes());
            AccountSettings after = before.withSetupModeOff();
            account.setAttributes(after.applyTo(account.getAttributes()));
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("account", account.getAlias());
            change.put("before", before.toRepresentation(now));
            change.put("after", after.toRepresentation(now));
            change.put("setupModeSwitched", "off");
            change.put("reason", "end date " + before.setupModeUntil() + " reached");
            AdminAudit.bySystem(session, realm, AdminAudit.SCHEDULER, OperationType.UPDATE, AccountsResource.RESOURCE_TYPE,
                    "accounts/" + account.getId(), change);
            LOG.infof("setup mode of account %s in realm %s ended at %s", account.getAlias(), realm.getName(),
                    before.setupModeUntil());
        }
    }
}

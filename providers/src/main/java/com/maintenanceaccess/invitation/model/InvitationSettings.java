package com.maintenanceaccess.invitation.model;

import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;

/**
 * Server options of the invitation feature, parsed once by the required action's factory
 * ({@code invitation.flow.AcceptInvitationRequiredActionFactory}, a {@link Source}) from
 * {@code --spi-required-action--mx-accept-invitation--<option>}:
 * <ul>
 * <li>{@code client-id} (default {@code maintenance-app}): where the invitee lands after accepting;</li>
 * <li>{@code link-grace-days} (default 7): how long after the invitation's expiry the signed link stays
 * verifiable, so that a late click gets the clear "ask your administrator" page and records the
 * expiry instead of Keycloak's generic "action expired" page;</li>
 * </ul>
 */
public record InvitationSettings(String clientId, int linkGraceDays) {

    private static final Logger LOG = Logger.getLogger(InvitationSettings.class);

    public static final InvitationSettings DEFAULTS = new InvitationSettings("maintenance-app", 7);

    /**
     * The options under the id {@code mx-accept-invitation}; one not set there is read under the
     * id before the rename ({@code --spi-required-action--accept-invitation--<option>}), so that a
     * deployment configured before the upgrade keeps its settings (with a warning to rename them).
     */
    public static InvitationSettings from(Config.Scope config, Config.Scope formerly) {
        return new InvitationSettings(
                option(config, formerly, "client-id", DEFAULTS.clientId()),
                Integer.parseInt(option(config, formerly, "link-grace-days", String.valueOf(DEFAULTS.linkGraceDays()))));
    }

    private static String option(Config.Scope config, Config.Scope formerly, String name, String fallback) {
        String value = config == null ? null : config.get(name);
        if (value == null && formerly != null && formerly.get(name) != null) {
            value = formerly.get(name);
            LOG.warnf("--spi-required-action--accept-invitation--%s is read under the id before the rename: "
                    + "rename it --spi-required-action--mx-accept-invitation--%s", name, name);
        }
        return value == null ? fallback : value;
    }

    /** The id of the required action whose factory holds the settings. */
    public static final String REQUIRED_ACTION = "mx-accept-invitation";

    /** What holds the settings the server started with (the required action's factory). */
    public interface Source {
        InvitationSettings settings();
    }

    /** The settings the server started with. */
    public static InvitationSettings of(KeycloakSession session) {
        Object factory = session.getKeycloakSessionFactory()
                .getProviderFactory(RequiredActionProvider.class, REQUIRED_ACTION);
        return factory instanceof Source f ? f.settings() : DEFAULTS;
    }
}

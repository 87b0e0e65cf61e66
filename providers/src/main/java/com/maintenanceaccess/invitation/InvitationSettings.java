package com.maintenanceaccess.invitation;

import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;

/**
 * Server options of the invitation feature, parsed once by
 * {@link AcceptInvitationRequiredActionFactory#init} from
 * {@code --spi-required-action--accept-invitation--<option>}:
 * <ul>
 * <li>{@code client-id} (default {@code maintenance-app}): where the invitee lands after accepting;</li>
 * <li>{@code link-grace-days} (default 7): how long after the invitation's expiry the signed link stays
 * verifiable, so that a late click gets the clear "ask your administrator" page and records the
 * expiry instead of Keycloak's generic "action expired" page;</li>
 * </ul>
 */
public record InvitationSettings(String clientId, int linkGraceDays) {

    public static final InvitationSettings DEFAULTS = new InvitationSettings("maintenance-app", 7);

    public static InvitationSettings from(Config.Scope config) {
        if (config == null) {
            return DEFAULTS;
        }
        return new InvitationSettings(
                config.get("client-id", DEFAULTS.clientId()),
                config.getInt("link-grace-days", DEFAULTS.linkGraceDays()));
    }

    /** The settings the server started with. */
    public static InvitationSettings of(KeycloakSession session) {
        Object factory = session.getKeycloakSessionFactory()
                .getProviderFactory(RequiredActionProvider.class, AcceptInvitationRequiredActionFactory.PROVIDER_ID);
        return factory instanceof AcceptInvitationRequiredActionFactory f ? f.settings() : DEFAULTS;
    }
}

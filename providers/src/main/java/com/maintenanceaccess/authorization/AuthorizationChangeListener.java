package com.maintenanceaccess.authorization;

import com.maintenanceaccess.authorization.model.PersonnelAuthorization;
import java.time.Clock;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Who hears of a write to a person's authorizations once it is stored (the notice feature tells
 * the person: {@code notice/ChangeNotices#authorizationChanged}). The root hands it in, because
 * notice/ reads authorization/ and so cannot also be imported by it.
 */
@FunctionalInterface
public interface AuthorizationChangeListener {

    /** {@code action}: grant, update, suspend, reinstate, revoke; {@code after}: the record as stored now. */
    void changed(KeycloakSession session, RealmModel realm, UserModel person, String action,
                 PersonnelAuthorization after, Clock clock);
}

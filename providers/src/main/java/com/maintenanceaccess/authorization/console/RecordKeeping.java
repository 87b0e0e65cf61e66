package com.maintenanceaccess.authorization.console;

import com.maintenanceaccess.authorization.model.AuthorizationStore;
import com.maintenanceaccess.kernel.Problems;
import com.maintenanceaccess.invitation.model.Invitation;
import jakarta.ws.rs.WebApplicationException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.UserModel;

/**
 * Certifying-staff records are kept for at least three years after the person left (EASA
 * Part-145.A.35(j)), so a person who holds authorization records or an invitation history is
 * never deleted: Keycloak publishes {@link UserModel.UserPreRemovedEvent} inside the deleting
 * transaction (admin REST, the console, any user manager), and this guard answers with a 409
 * that says to deactivate instead. Keycloak's error handler sends a
 * {@link WebApplicationException}'s own response and rolls the transaction back, so nothing is
 * changed. Deactivated people stay on the roster's "former staff" view.
 */
public final class RecordKeeping {

    private RecordKeeping() {
    }

    /** Installs the guard (from a factory's {@code postInit}). */
    public static void install(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof UserModel.UserPreRemovedEvent removal) {
                UserModel user = removal.getUser();
                whyKept(key -> user.getAttributeStream(key).toList()).ifPresent(why -> {
                    throw Problems.conflict("user: " + user.getUsername() + " " + why
                            + ", which must be kept for at least three years after the person left (EASA Part-145.A.35):"
                            + " deactivate the user instead (POST /mx/users/" + user.getId() + "/deactivate).");
                });
            }
        });
    }

    /** Why a person's data must outlive their account, from their attributes; empty when it need not. */
    static Optional<String> whyKept(Function<String, List<String>> attributes) {
        boolean records = !attributes.apply(AuthorizationStore.ATTRIBUTE).isEmpty();
        boolean invited = !attributes.apply(Invitation.STATUS).isEmpty() || !attributes.apply(Invitation.HISTORY).isEmpty();
        if (records && invited) {
            return Optional.of("holds personnel authorization records and an invitation history");
        }
        if (records) {
            return Optional.of("holds personnel authorization records");
        }
        return invited ? Optional.of("has an invitation history") : Optional.empty();
    }
}

package com.maintenanceaccess.authorization.console;

import com.maintenanceaccess.authorization.model.AuthorizationStore;
import com.maintenanceaccess.authorization.AuthorizationFeature;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.keycloak.models.UserModel;
import org.keycloak.userprofile.UserProfileAttributeValidationContext;
import org.keycloak.validate.ValidationContext;
import org.keycloak.validate.ValidationError;
import org.keycloak.validate.Validator;
import org.keycloak.validate.ValidatorConfig;

/**
 * Keeps {@code mx_authorizations} read-only wherever the user profile writes it (admin console,
 * admin REST API, account console, login-flow profile updates): any change of the values is
 * refused, for every caller, realm operators included. The realm's user profile already
 * declares the attribute view-only (no edit permission); this validator is the second lock in
 * case the profile is edited. Records change only through {@code /mx/users/{id}/authorizations},
 * where {@link com.maintenanceaccess.kernel.Authority} and {@link com.maintenanceaccess.authorization.rules.AuthorizationRules} apply
 * (docs/security-model.md). Saving a user with the records unchanged is not affected.
 */
public class PersonnelAuthorizationValidator implements Validator {

    static final String READ_ONLY = "personnel authorizations are read-only here: they change only through "
            + "/mx/users/{id}/authorizations, by a compliance officer of the person's account";

    public PersonnelAuthorizationValidator(AuthorizationFeature feature) {
    }

    @Override
    public ValidationContext validate(Object input, String inputHint, ValidationContext context, ValidatorConfig config) {
        if (!(context instanceof UserProfileAttributeValidationContext upContext)) {
            return context;
        }
        UserModel target = upContext.getAttributeContext().getUser();
        List<String> stored = target == null ? List.of() : target.getAttributeStream(AuthorizationStore.ATTRIBUTE).toList();
        if (!sorted(stored).equals(sorted(values(input)))) {
            context.addError(new ValidationError(PersonnelAuthorizationValidatorFactory.PROVIDER_ID, inputHint,
                    inputHint + ": " + READ_ONLY).setStatusCode(Response.Status.FORBIDDEN));
        }
        return context;
    }

    private static List<String> values(Object input) {
        List<String> values = new ArrayList<>();
        if (input instanceof Collection<?> collection) {
            collection.stream().filter(v -> v != null && !v.toString().isBlank()).forEach(v -> values.add(v.toString()));
        } else if (input != null && !input.toString().isBlank()) {
            values.add(input.toString());
        }
        return values;
    }

    private static List<String> sorted(List<String> values) {
        return values.stream().sorted().toList();
    }
}

package com.maintenanceaccess.authorization;

import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.Token;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.representations.JsonWebToken;
import org.keycloak.userprofile.AttributeContext;
import org.keycloak.userprofile.UserProfileAttributeValidationContext;
import org.keycloak.validate.ValidationContext;
import org.keycloak.validate.ValidationError;
import org.keycloak.validate.Validator;
import org.keycloak.validate.ValidatorConfig;

/**
 * Guards {@code mx_authorizations} wherever the user profile writes it (admin console, admin
 * REST API, account console, login-flow profile updates):
 * <ul>
 *   <li>every value must decode and pass {@link AuthorizationRules}; errors name the value's
 *   index and field, e.g. {@code mx_authorizations[0].licence.category: unknown …};</li>
 *   <li>a change (values differ from the stored ones) is allowed only to an administrator of
 *   this realm who holds {@value AuthorizationFeature#MANAGE_ROLE} and is not the person
 *   changed. Without a bearer token (login flow, account console) no one can change them.</li>
 * </ul>
 * The stored values are remembered in the session so that {@link ConsoleWriteListener} can
 * emit the before/after event and refresh the expiry index once the write happened.
 */
public class PersonnelAuthorizationValidator implements Validator {

    static final String BEFORE = "mx.authorizations.before";

    private final AuthorizationFeature feature;

    public PersonnelAuthorizationValidator(AuthorizationFeature feature) {
        this.feature = feature;
    }

    @Override
    public ValidationContext validate(Object input, String inputHint, ValidationContext context, ValidatorConfig config) {
        List<String> values = values(input);
        AuthorizationRules rules = feature.rules();
        for (int i = 0; i < values.size(); i++) {
            List<FieldError> errors;
            try {
                errors = rules.check(AuthorizationCodec.decode(values.get(i)));
            } catch (InvalidAuthorizationException e) {
                errors = e.errors();
            }
            for (FieldError error : errors) {
                context.addError(new ValidationError(PersonnelAuthorizationValidatorFactory.PROVIDER_ID, inputHint,
                        inputHint + "[" + i + "]." + error.field() + ": " + error.message()));
            }
        }
        if (!(context instanceof UserProfileAttributeValidationContext upContext)) {
            return context;
        }
        AttributeContext attribute = upContext.getAttributeContext();
        UserModel target = attribute.getUser();
        List<String> stored = target == null ? List.of() : target.getAttributeStream(AuthorizationFeature.ATTRIBUTE).toList();
        if (sorted(stored).equals(sorted(values))) {
            return context;
        }
        String refusal = refusal(context.getSession(), target);
        if (refusal != null) {
            context.addError(new ValidationError(PersonnelAuthorizationValidatorFactory.PROVIDER_ID, inputHint,
                    inputHint + ": " + refusal).setStatusCode(Response.Status.FORBIDDEN));
            return context;
        }
        remember(context.getSession(), target, stored);
        return context;
    }

    /** Why the caller may not change these records, or null if they may. */
    private static String refusal(KeycloakSession session, UserModel target) {
        RealmModel realm = session.getContext().getRealm();
        Token bearer = session.getContext().getBearerToken();
        if (realm == null || !(bearer instanceof JsonWebToken token) || token.getSubject() == null
                || token.getIssuer() == null || !token.getIssuer().endsWith("/realms/" + realm.getName())) {
            return "personnel authorizations are changed only by a compliance administrator of realm "
                    + (realm == null ? "?" : realm.getName()) + " holding " + AuthorizationFeature.MANAGE_ROLE;
        }
        UserModel actor = session.users().getUserById(realm, token.getSubject());
        RoleModel role = realm.getRole(AuthorizationFeature.MANAGE_ROLE);
        if (actor == null || role == null || !actor.hasRole(role)) {
            return "changing personnel authorizations needs the " + AuthorizationFeature.MANAGE_ROLE + " role";
        }
        if (target != null && target.getId().equals(actor.getId())) {
            return "nobody changes their own personnel authorizations";
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static void remember(KeycloakSession session, UserModel target, List<String> stored) {
        Map<String, List<String>> before = session.getAttribute(BEFORE, Map.class);
        if (before == null) {
            before = new HashMap<>();
            session.setAttribute(BEFORE, before);
        }
        before.put(target == null ? "" : target.getId(), stored);
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

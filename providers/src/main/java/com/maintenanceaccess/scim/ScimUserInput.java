package com.maintenanceaccess.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.keycloak.utils.EmailValidationUtil;

/**
 * What a SCIM User body (POST, PUT, or a PATCH applied to the current representation) asks for,
 * checked before anything is written. Attributes the bundle does not keep (phone numbers, titles,
 * the enterprise extension …) are accepted and ignored, as directories send them unasked; the
 * ones it keeps must have the right type (400 invalidValue naming the attribute).
 */
public record ScimUserInput(String userName, String externalId, String givenName, String familyName, String email,
                            boolean active) {

    static final Set<String> SCHEMAS = Set.of(ScimJson.USER, ScimJson.ENTERPRISE_USER);
    static final int MAX = 255;
    static final int MAX_EMAILS = 20;

    public static ScimUserInput parse(ObjectNode body) {
        ScimJson.requireSchemas(body, ScimJson.USER, SCHEMAS);
        String userName = ScimJson.text(body.get("userName"), "userName", MAX);
        if (userName == null) {
            throw ScimError.invalidValue("userName: required");
        }
        String externalId = ScimJson.text(body.get("externalId"), "externalId", MAX);
        ScimJson.text(body.get("displayName"), "displayName", MAX);
        JsonNode name = body.get("name");
        String givenName = null;
        String familyName = null;
        if (name != null && !name.isNull()) {
            if (!name.isObject()) {
                throw ScimError.invalidValue("name: must be an object (givenName, familyName)");
            }
            givenName = ScimJson.text(name.get("givenName"), "name.givenName", MAX);
            familyName = ScimJson.text(name.get("familyName"), "name.familyName", MAX);
        }
        if (givenName == null || familyName == null) {
            throw ScimError.invalidValue("name: givenName and familyName are required (a person of an account has both)");
        }
        String email = email(body.get("emails"));
        if (email == null && EmailValidationUtil.isValidEmail(userName)) {
            email = userName;
        }
        if (email == null) {
            throw ScimError.invalidValue("emails: a work e-mail address is required (or a userName that is one)");
        }
        Boolean active = ScimJson.bool(body.get("active"), "active");
        return new ScimUserInput(userName, externalId, givenName, familyName, email, active == null || active);
    }

    /** The work address: the one typed "work", else the primary one, else the first. */
    static String email(JsonNode emails) {
        if (emails == null || emails.isNull()) {
            return null;
        }
        if (!emails.isArray()) {
            throw ScimError.invalidValue("emails: must be a list of {value, type, primary}");
        }
        if (emails.size() > MAX_EMAILS) {
            throw ScimError.invalidValue("emails: at most " + MAX_EMAILS + " addresses");
        }
        String work = null;
        String primary = null;
        String first = null;
        for (int i = 0; i < emails.size(); i++) {
            JsonNode entry = emails.get(i);
            if (!entry.isObject()) {
                throw ScimError.invalidValue("emails[" + i + "]: must be an object {value, type, primary}");
            }
            String value = ScimJson.text(entry.get("value"), "emails[" + i + "].value", MAX);
            String type = ScimJson.text(entry.get("type"), "emails[" + i + "].type", MAX);
            Boolean isPrimary = ScimJson.bool(entry.get("primary"), "emails[" + i + "].primary");
            if (value == null) {
                continue;
            }
            if (!EmailValidationUtil.isValidEmail(value)) {
                throw ScimError.invalidValue("emails[" + i + "].value: not an e-mail address");
            }
            if ("work".equalsIgnoreCase(type) && work == null) {
                work = value;
            }
            if (Boolean.TRUE.equals(isPrimary) && primary == null) {
                primary = value;
            }
            if (first == null) {
                first = value;
            }
        }
        return work != null ? work : primary != null ? primary : first;
    }
}

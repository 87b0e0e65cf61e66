package com.maintenanceaccess.authorization.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.maintenanceaccess.authorization.model.PersonnelAuthorization.Licence;
import com.maintenanceaccess.authorization.model.PersonnelAuthorization.Period;
import com.maintenanceaccess.authorization.model.PersonnelAuthorization.Scope;
import com.maintenanceaccess.kernel.Problems.Problem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The readable JSON form of an authorization used by the REST API and events (full field
 * names, see docs/authorizations.md). Reading it collects every field error; status fields
 * are never read from input: they change only through suspend, reinstate and revoke.
 * {@code account} (the issuing organization's id) is written here and read by the REST
 * resource, which decides it with the caller's authority (a grant's account; an update keeps it).
 */
public final class AuthorizationJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("id", "type", "reference", "licence", "scope", "limitations",
            "firstIssue", "effective", "expiry", "issuer", "continuationTraining", "experience", "status",
            "statusReason", "statusChanged", "state", "validUntil", "usableAtSignoff", "unusableBecause", "account",
            "accountAlias", "accountName");

    private AuthorizationJson() {
    }

    public static ObjectNode write(PersonnelAuthorization a, Instant now) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", a.id());
        o.put("account", a.account());
        o.put("type", a.type());
        o.put("reference", a.reference());
        if (a.licence() != null) {
            ObjectNode lic = o.putObject("licence");
            lic.put("authority", a.licence().authority());
            lic.put("number", a.licence().number());
            lic.put("category", a.licence().category());
            lic.put("expiry", str(a.licence().expiry()));
        } else {
            o.putNull("licence");
        }
        ObjectNode scope = o.putObject("scope");
        strings(scope.putArray("aircraft"), a.scope().aircraft());
        strings(scope.putArray("tasks"), a.scope().tasks());
        strings(scope.putArray("bases"), a.scope().bases());
        o.put("limitations", a.limitations());
        o.put("firstIssue", str(a.firstIssue()));
        o.put("effective", str(a.effective()));
        o.put("expiry", str(a.expiry()));
        o.put("status", a.status().id());
        o.put("statusReason", a.statusReason());
        o.put("statusChanged", str(a.statusChanged()));
        o.put("issuer", a.issuer());
        o.put("continuationTraining", str(a.continuationTraining()));
        ArrayNode xp = o.putArray("experience");
        a.experience().forEach(p -> xp.addObject().put("from", p.from().toString()).put("to", p.to().toString()));
        if (now != null) {
            o.put("state", AuthorizationState.at(a, now).id());
        }
        o.put("validUntil", str(a.validUntil()));
        return o;
    }

    /** Reads the writable fields of a create or update body. */
    public static PersonnelAuthorization read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidAuthorizationException("body", "must be a JSON object");
        }
        List<Problem> errors = new ArrayList<>();
        body.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                errors.add(new Problem(name, "unknown field"));
            }
        });
        // A list or an object is never null: "scope": null must not be read as "no limits". The
        // licence is the exception: null is how this API itself writes "no licence" (write()).
        for (String name : List.of("scope", "experience")) {
            if (body.has(name) && body.get(name).isNull()) {
                errors.add(new Problem(name, "must not be null (leave the field out instead)"));
            }
        }
        known(body.get("licence"), "licence", Set.of("authority", "number", "category", "expiry"), errors);
        known(body.get("scope"), "scope", Set.of("aircraft", "tasks", "bases"), errors);
        AuthorizationCodec.Reader r = new AuthorizationCodec.Reader(errors);
        JsonNode lic = body.get("licence");
        Licence licence = null;
        if (lic != null && !lic.isNull()) {
            if (!lic.isObject()) {
                errors.add(new Problem("licence", "must be an object"));
            } else {
                licence = new Licence(text(lic, "authority"), text(lic, "number"), text(lic, "category"),
                        r.date(lic, "expiry", "licence.expiry"));
            }
        }
        JsonNode scopeNode = body.path("scope");
        Scope scope = new Scope(r.strings(scopeNode, "aircraft", "scope.aircraft"),
                r.strings(scopeNode, "tasks", "scope.tasks"), r.strings(scopeNode, "bases", "scope.bases"));
        List<Period> experience = new ArrayList<>();
        JsonNode xp = body.get("experience");
        if (xp != null && !xp.isNull()) {
            if (!xp.isArray()) {
                errors.add(new Problem("experience", "must be a list of {from, to}"));
            } else {
                for (int i = 0; i < xp.size(); i++) {
                    var from = r.date(xp.get(i), "from", "experience[" + i + "].from");
                    var to = r.date(xp.get(i), "to", "experience[" + i + "].to");
                    if (from == null || to == null) {
                        errors.add(new Problem("experience[" + i + "]", "needs from and to dates"));
                    } else {
                        experience.add(new Period(from, to));
                    }
                }
            }
        }
        PersonnelAuthorization a = new PersonnelAuthorization(null, text(body, "type"), text(body, "reference"),
                licence, scope, text(body, "limitations"), r.date(body, "firstIssue", "firstIssue"),
                r.instant(body, "effective", "effective"), r.instant(body, "expiry", "expiry"),
                PersonnelAuthorization.Status.ACTIVE, null, null, text(body, "issuer"),
                r.date(body, "continuationTraining", "continuationTraining"), experience);
        if (!errors.isEmpty()) {
            throw new InvalidAuthorizationException(errors);
        }
        return a;
    }

    /** Fields of a nested object outside {@code allowed} (or null where a list goes) are errors naming them. */
    private static void known(JsonNode o, String parent, Set<String> allowed, List<Problem> errors) {
        if (o == null || !o.isObject()) {
            return;
        }
        o.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                errors.add(new Problem(parent + "." + name, "unknown field"));
            } else if (parent.equals("scope") && o.get(name).isNull()) {
                errors.add(new Problem(parent + "." + name, "must not be null (a list; [] or leave it out)"));
            }
        });
    }

    private static String text(JsonNode o, String key) {
        return AuthorizationCodec.text(o, key);
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}

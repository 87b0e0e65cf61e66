package com.maintenanceaccess.authorization.rules;

import com.maintenanceaccess.kernel.Problems.Problem;
import com.maintenanceaccess.authorization.model.InvalidAuthorizationException;
import com.maintenanceaccess.authorization.model.PersonnelAuthorization;
import com.maintenanceaccess.authorization.model.PersonnelAuthorization.Licence;
import com.maintenanceaccess.authorization.model.PersonnelAuthorization.Period;
import com.maintenanceaccess.authorization.rules.AuthorizationCatalog.TypeRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a record may be stored: every rule names the field it is about. The same rules
 * run on every write path (the REST API and the user-profile validator of the console).
 */
public final class AuthorizationRules {

    static final int MAX_TEXT = 100;
    static final int MAX_LIMITATIONS = 500;
    static final int MAX_LIST = 20;

    private final AuthorizationCatalog catalog;

    public AuthorizationRules(AuthorizationCatalog catalog) {
        this.catalog = catalog;
    }

    public List<Problem> check(PersonnelAuthorization a) {
        List<Problem> errors = new ArrayList<>();
        Optional<TypeRule> type = catalog.type(a.type());
        if (blank(a.type())) {
            errors.add(new Problem("type", "is required (one of " + catalog.typeIds() + ")"));
        } else if (type.isEmpty()) {
            errors.add(new Problem("type", "unknown authorization type '" + a.type() + "' (known: " + catalog.typeIds() + ")"));
        }
        if (blank(a.reference())) {
            errors.add(new Problem("reference", "is required"));
        } else if (!catalog.referencePattern().matcher(a.reference()).matches()) {
            errors.add(new Problem("reference", "malformed reference '" + a.reference()
                    + "': use 3-40 upper-case letters, digits, '.', '/' or '-'"));
        }
        licence(a.licence(), type, errors);
        scope(a, errors);
        if (a.effective() == null) {
            errors.add(new Problem("effective", "is required"));
        }
        if (a.expiry() == null) {
            errors.add(new Problem("expiry", "is required"));
        }
        if (a.effective() != null && a.expiry() != null && !a.expiry().isAfter(a.effective())) {
            errors.add(new Problem("expiry", "must be after effective (" + a.effective() + ")"));
        }
        if (a.firstIssue() != null && a.effective() != null
                && a.firstIssue().atStartOfDay(java.time.ZoneOffset.UTC).toInstant().isAfter(a.effective())) {
            errors.add(new Problem("firstIssue", "must not be after effective"));
        }
        if (blank(a.issuer())) {
            errors.add(new Problem("issuer", "is required"));
        }
        length("issuer", a.issuer(), MAX_TEXT, errors);
        length("limitations", a.limitations(), MAX_LIMITATIONS, errors);
        if (a.experience().size() > MAX_LIST) {
            errors.add(new Problem("experience", "at most " + MAX_LIST + " periods"));
        }
        for (int i = 0; i < a.experience().size(); i++) {
            Period p = a.experience().get(i);
            if (p.to().isBefore(p.from())) {
                errors.add(new Problem("experience[" + i + "]", "ends before it starts"));
            }
        }
        if (a.status() == PersonnelAuthorization.Status.SUSPENDED && blank(a.statusReason())) {
            errors.add(new Problem("statusReason", "a suspension needs a reason"));
        }
        length("statusReason", a.statusReason(), MAX_LIMITATIONS, errors);
        return errors;
    }

    /** Throws with every error found. */
    public PersonnelAuthorization require(PersonnelAuthorization a) {
        List<Problem> errors = check(a);
        if (!errors.isEmpty()) {
            throw new InvalidAuthorizationException(errors);
        }
        return a;
    }

    private void licence(Licence licence, Optional<TypeRule> type, List<Problem> errors) {
        if (licence == null) {
            if (type.isPresent() && type.get().requiresLicence()) {
                errors.add(new Problem("licence", "is required for type " + type.get().id()));
            }
            return;
        }
        if (blank(licence.authority())) {
            errors.add(new Problem("licence.authority", "is required"));
        }
        length("licence.authority", licence.authority(), MAX_TEXT, errors);
        if (blank(licence.number())) {
            errors.add(new Problem("licence.number", "is required"));
        }
        length("licence.number", licence.number(), MAX_TEXT, errors);
        if (blank(licence.category())) {
            errors.add(new Problem("licence.category", "is required"));
        } else if (!catalog.licenceCategories().contains(licence.category())) {
            errors.add(new Problem("licence.category", "unknown licence category '" + licence.category()
                    + "' (known: " + catalog.licenceCategories() + ")"));
        } else if (type.isPresent() && !type.get().licenceCategories().contains(licence.category())) {
            errors.add(new Problem("licence.category", "category " + licence.category() + " does not allow type "
                    + type.get().id() + " (allowed: " + type.get().licenceCategories() + ")"));
        }
        if (licence.expiry() == null) {
            errors.add(new Problem("licence.expiry", "is required"));
        }
    }

    private void scope(PersonnelAuthorization a, List<Problem> errors) {
        List<String> aircraft = a.scope().aircraft();
        if (aircraft.isEmpty()) {
            errors.add(new Problem("scope.aircraft", "name at least one aircraft type or group"));
        }
        for (int i = 0; i < aircraft.size(); i++) {
            if (!catalog.isKnownAircraft(aircraft.get(i))) {
                errors.add(new Problem("scope.aircraft[" + i + "]", "unknown aircraft type or group '" + aircraft.get(i) + "'"));
            }
        }
        List<String> tasks = a.scope().tasks();
        if (tasks.isEmpty()) {
            errors.add(new Problem("scope.tasks", "name at least one task category or ATA chapter (ATA-nn)"));
        }
        for (int i = 0; i < tasks.size(); i++) {
            if (!catalog.isKnownTask(tasks.get(i))) {
                errors.add(new Problem("scope.tasks[" + i + "]", "unknown task category '" + tasks.get(i)
                        + "' (a catalog category or ATA-nn)"));
            }
        }
        for (int i = 0; i < a.scope().bases().size(); i++) {
            length("scope.bases[" + i + "]", a.scope().bases().get(i), MAX_TEXT, errors);
        }
        if (aircraft.size() > MAX_LIST || tasks.size() > MAX_LIST || a.scope().bases().size() > MAX_LIST) {
            errors.add(new Problem("scope", "at most " + MAX_LIST + " entries per list"));
        }
    }

    private static void length(String field, String value, int max, List<Problem> errors) {
        if (value != null && value.length() > max) {
            errors.add(new Problem(field, "is longer than " + max + " characters"));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

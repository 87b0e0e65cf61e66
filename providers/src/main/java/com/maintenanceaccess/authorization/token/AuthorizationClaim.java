package com.maintenanceaccess.authorization.token;

import com.maintenanceaccess.authorization.model.PersonnelAuthorization;
import com.maintenanceaccess.authorization.rules.RecordUsability;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compact token claim: only records that can be used at signoff at {@code now}
 * ({@link RecordUsability}: none for a disabled or deactivated person), each as
 * {@code {t: type, ref: reference, ac: [aircraft], task: [tasks], exp: epoch seconds of validUntil}}.
 */
public final class AuthorizationClaim {

    private AuthorizationClaim() {
    }

    public static List<Map<String, Object>> of(RecordUsability usability, List<PersonnelAuthorization> records,
                                               boolean personEnabled, Instant now) {
        return usability.usable(records, personEnabled, now).stream()
                .map(a -> {
                    Map<String, Object> claim = new LinkedHashMap<>();
                    claim.put("t", a.type());
                    claim.put("ref", a.reference());
                    claim.put("ac", a.scope().aircraft());
                    claim.put("task", a.scope().tasks());
                    claim.put("exp", a.validUntil().getEpochSecond());
                    return claim;
                })
                .toList();
    }
}

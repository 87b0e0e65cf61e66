package com.maintenanceaccess.authorization.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The version of one record as an HTTP entity tag: a digest of its stored encoding. A client
 * that read version V sends {@code If-Match: V} with its change; if someone changed the record
 * in between, the change is refused instead of silently overwriting theirs.
 */
public final class AuthorizationVersion {

    private AuthorizationVersion() {
    }

    public static String of(PersonnelAuthorization authorization) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(AuthorizationCodec.encode(authorization).getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An If-Match header matches when absent, "*", or one of its tags is the current version. */
    public static boolean matches(String ifMatch, PersonnelAuthorization current) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return true;
        }
        String version = of(current);
        for (String tag : ifMatch.split(",")) {
            String trimmed = tag.trim();
            if (trimmed.startsWith("W/")) {
                trimmed = trimmed.substring(2);
            }
            if (trimmed.equals(version)) {
                return true;
            }
        }
        return false;
    }
}

package com.maintenanceaccess.scim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The secret of a provisioning token: {@code mxscim_<token id>.<43 characters of randomness>}.
 * The id part finds the one stored row; the random part (256 bits) is what proves possession.
 * Only SHA-256 of the whole secret is stored. A fast hash suffices here, unlike for passwords:
 * 256 random bits cannot be guessed from the hash, so a slow hash would only slow every request.
 */
public final class ScimSecret {

    static final String PREFIX = "mxscim_";
    private static final Pattern FORM = Pattern.compile(
            "mxscim_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\.[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ScimSecret() {
    }

    /** A new secret for the token {@code tokenId}. */
    public static String create(String tokenId) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return PREFIX + tokenId + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** The token id a presented secret names, if it has the secret's form at all. */
    public static Optional<String> tokenId(String secret) {
        if (secret == null) {
            return Optional.empty();
        }
        var matcher = FORM.matcher(secret);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** Hex SHA-256 of the secret: what is stored. */
    public static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /** Whether the presented secret has the stored hash, in time independent of where they differ. */
    public static boolean matches(String secret, String storedHash) {
        return storedHash != null && MessageDigest.isEqual(hash(secret).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}

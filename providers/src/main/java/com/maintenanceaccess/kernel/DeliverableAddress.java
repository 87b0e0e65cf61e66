package com.maintenanceaccess.kernel;

import java.util.regex.Pattern;
import org.keycloak.utils.EmailValidationUtil;

/**
 * Whether an e-mail address can be delivered on the internet, as far as its form tells.
 * Keycloak's own check ({@link EmailValidationUtil}) accepts {@code nora.newhire@demo-mro}: a host
 * name without a domain ending, which no mail server outside the sender's own network delivers to.
 * An administrator who typed it meant something else, so an invitation must not go there.
 * Rule: Keycloak's check, and a domain of at least two dot-separated labels (letters, digits,
 * hyphens, no hyphen at either end) whose last label (the ending) is two or more letters.
 */
public final class DeliverableAddress {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern ENDING = Pattern.compile("[a-z]{2,63}|xn--[a-z0-9-]{1,59}");

    private DeliverableAddress() {
    }

    /** Null when the address is deliverable by its form, else what is wrong, for the person who typed it. */
    public static String problem(String address) {
        if (address == null || address.isBlank()) {
            return "is required";
        }
        String trimmed = address.trim();
        if (!EmailValidationUtil.isValidEmail(trimmed)) {
            return "must be an e-mail address";
        }
        String domain = trimmed.substring(trimmed.lastIndexOf('@') + 1).toLowerCase(java.util.Locale.ROOT);
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return "must be an e-mail address with a domain ending, such as name@example.com";
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return "must be an e-mail address with a valid domain";
            }
        }
        if (!ENDING.matcher(labels[labels.length - 1]).matches()) {
            return "must be an e-mail address with a domain ending, such as name@example.com";
        }
        return null;
    }

    public static boolean isDeliverable(String address) {
        return problem(address) == null;
    }
}

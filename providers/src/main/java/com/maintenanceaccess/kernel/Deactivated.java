package com.maintenanceaccess.kernel;

/**
 * The user attribute that marks a person deactivated (disabled with a record of who and why; written
 * and cleared by review/UserAccessResource and scim/ScimUsers, read by whoever lists people).
 */
public final class Deactivated {

    public static final String ATTRIBUTE = "mx.deactivated";

    private Deactivated() {
    }
}

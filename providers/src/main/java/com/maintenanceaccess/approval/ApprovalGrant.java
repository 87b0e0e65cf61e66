package com.maintenanceaccess.approval;

import jakarta.annotation.Nullable;
import java.util.List;

/**
 * What a request for a second person's decision would grant, in words for a screen: an account
 * role ({@code role}), an invitation's new address ({@code address}), or a personnel authorization
 * (the other fields). Each {@link ApprovableGrant} describes its own kind with one of the factories.
 */
public record ApprovalGrant(@Nullable String role, @Nullable String address, @Nullable String type,
                            @Nullable String typeName, @Nullable String reference, @Nullable List<String> aircraft,
                            @Nullable List<String> tasks, @Nullable String licenceCategory, @Nullable String effective,
                            @Nullable String expiry) {

    public static ApprovalGrant role(String roleId) {
        return new ApprovalGrant(roleId, null, null, null, null, null, null, null, null, null);
    }

    public static ApprovalGrant address(String address) {
        return new ApprovalGrant(null, address, null, null, null, null, null, null, null, null);
    }

    public static ApprovalGrant authorization(String type, String typeName, String reference, List<String> aircraft,
                                              List<String> tasks, @Nullable String licenceCategory,
                                              @Nullable String effective, @Nullable String expiry) {
        return new ApprovalGrant(null, null, type, typeName, reference, aircraft, tasks, licenceCategory, effective, expiry);
    }
}

package com.maintenanceaccess.invitation.model;

import java.util.List;

/** One page of the invitations a caller may see, newest first: {@code total} matching, from {@code first}, at most {@code max}. */
public record InvitationPage(int total, int first, int max, List<InvitationView> items) {
}

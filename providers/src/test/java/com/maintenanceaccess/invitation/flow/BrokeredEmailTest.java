package com.maintenanceaccess.invitation.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.maintenanceaccess.invitation.flow.BrokeredEmail.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BrokeredEmailTest {

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            // invited, brokered, trust email, email_verified claim, verdict
            "pat@mro.example, pat@mro.example, true, true, MATCH",
            "pat@mro.example, Pat@MRO.example, true, true, MATCH",
            "pat@mro.example, pat@mro.example, true, null, MATCH",
            "pat@mro.example, pat@mro.example, false, true, UNVERIFIED",
            "pat@mro.example, pat@mro.example, true, false, UNVERIFIED",
            "pat@mro.example, pat@mro.example, false, null, UNVERIFIED",
            "pat@mro.example, pat.smith@mro.example, true, true, MISMATCH",
            "pat@mro.example, ' pat@mro.example', true, true, MISMATCH",
            "pat@mro.example, null, true, true, MISMATCH",
            "pat@mro.example, '', true, true, MISMATCH",
            "null, pat@mro.example, true, true, MISMATCH",
            "'', '', true, true, MISMATCH",
    })
    void anIdentityProviderVouchesOnlyForTheInvitedVerifiedAddress(String invited, String brokered, boolean trusted,
            Boolean claim, Verdict expected) {
        assertEquals(expected, BrokeredEmail.judge(invited, brokered, trusted, claim));
    }
}

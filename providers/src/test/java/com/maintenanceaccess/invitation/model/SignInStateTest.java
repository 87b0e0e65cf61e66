package com.maintenanceaccess.invitation.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignInStateTest {

    @ParameterizedTest(name = "credential={0} link={1} signedIn={2} operator={3} -> refused={4}")
    @CsvSource({
            "false, false, false, false, false, ''",
            "true,  false, false, false, true,  has a password or another credential",
            "false, true,  false, false, true,  signs in through an identity provider",
            "false, false, true,  false, true,  has signed in before",
            "false, false, false, true,  true,  is a realm operator",
            "true,  false, true,  true,  true,  'has a password or another credential, has signed in before, is a realm operator'",
    })
    void onlyAPersonWhoHasNotYetGotInMayBeInvited(boolean credential, boolean link, boolean signedIn, boolean operator,
                                                  boolean refused, String reasons) {
        var refusal = new SignInState(credential, link, signedIn, operator).refusal();

        assertEquals(refused, refusal.isPresent());
        refusal.ifPresent(text -> {
            assertTrue(text.startsWith("this person already " + reasons + ":"), text);
            assertTrue(text.contains("verified e-mail change or a realm operator"), text);
        });
    }
}

package com.maintenanceaccess.signoff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.maintenanceaccess.signoff.ProofCheck.Claims;
import com.maintenanceaccess.signoff.ProofCheck.Reason;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProofCheckTest {

    private static final String ISSUER = "http://localhost:8080/realms/maintenance";
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private final ProofCheck check = new ProofCheck(SignoffSettings.defaults());

    private static Claims fresh() {
        long now = NOW.getEpochSecond();
        return new Claims(ISSUER, "Bearer", "maintenance-app", "signoff", now - 10, now + 300, "jti-1", "user-1",
                ProofCheck.CODE_GRANT);
    }

    private List<Reason> reasons(Claims c, String signer) {
        return check.reasons(c, ISSUER, signer, NOW);
    }

    @Test
    void aFreshSignoffTokenIsAProof() {
        assertEquals(List.of(), reasons(fresh(), "user-1"));
        assertEquals(List.of(), reasons(fresh(), null));
    }

    @Test
    void eachClaimIsChecked() {
        Claims c = fresh();
        assertEquals(List.of(Reason.NOT_SIGNOFF_LEVEL), reasons(new Claims(c.issuer(), c.type(), c.authorizedParty(), "1",
                c.authTime(), c.expires(), c.tokenId(), c.subject(), c.grantType()), null));
        assertEquals(List.of(Reason.REAUTHENTICATION_TOO_OLD), reasons(new Claims(c.issuer(), c.type(), c.authorizedParty(),
                c.acr(), NOW.getEpochSecond() - 121, c.expires(), c.tokenId(), c.subject(), c.grantType()), null));
        assertEquals(List.of(), reasons(new Claims(c.issuer(), c.type(), c.authorizedParty(),
                c.acr(), NOW.getEpochSecond() - 120, c.expires(), c.tokenId(), c.subject(), c.grantType()), null));
        assertEquals(List.of(Reason.WRONG_CLIENT), reasons(new Claims(c.issuer(), c.type(), "other-app", c.acr(),
                c.authTime(), c.expires(), c.tokenId(), c.subject(), c.grantType()), null));
        assertEquals(List.of(Reason.WRONG_ISSUER), reasons(new Claims("http://localhost:8080/realms/master", c.type(),
                c.authorizedParty(), c.acr(), c.authTime(), c.expires(), c.tokenId(), c.subject(), c.grantType()), null));
        assertEquals(List.of(Reason.NOT_AN_ACCESS_TOKEN), reasons(new Claims(c.issuer(), "ID", c.authorizedParty(), c.acr(),
                c.authTime(), c.expires(), c.tokenId(), c.subject(), c.grantType()), null));
        assertEquals(List.of(Reason.TOKEN_EXPIRED), reasons(new Claims(c.issuer(), c.type(), c.authorizedParty(), c.acr(),
                c.authTime(), NOW.getEpochSecond(), c.tokenId(), c.subject(), c.grantType()), null));
        assertEquals(List.of(Reason.NO_AUTH_TIME), reasons(new Claims(c.issuer(), c.type(), c.authorizedParty(), c.acr(),
                null, c.expires(), c.tokenId(), c.subject(), c.grantType()), null));
        assertEquals(List.of(Reason.NO_TOKEN_ID), reasons(new Claims(c.issuer(), c.type(), c.authorizedParty(), c.acr(),
                c.authTime(), c.expires(), null, c.subject(), c.grantType()), null));
        assertEquals(List.of(Reason.OTHER_PERSON), reasons(c, "user-2"));
    }

    @Test
    void aTokenFromARefreshIsNoFreshAuthentication() {
        Claims c = fresh();
        assertEquals(List.of(Reason.REAUTHENTICATION_REQUIRED), reasons(new Claims(c.issuer(), c.type(),
                c.authorizedParty(), c.acr(), c.authTime(), c.expires(), c.tokenId(), c.subject(), "refresh_token"), null));
        assertEquals(List.of(Reason.REAUTHENTICATION_REQUIRED), reasons(new Claims(c.issuer(), c.type(),
                c.authorizedParty(), c.acr(), c.authTime(), c.expires(), c.tokenId(), c.subject(), null), null));
    }
}

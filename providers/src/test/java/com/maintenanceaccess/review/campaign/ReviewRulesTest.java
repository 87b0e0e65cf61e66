package com.maintenanceaccess.review.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.maintenanceaccess.kernel.AccountPermission;
import org.junit.jupiter.api.Test;

class ReviewRulesTest {

    @Test
    void administratorsDecideTemplatesAndRolesOfficersAuthorizations() {
        assertEquals(AccountPermission.MANAGE_PEOPLE, ReviewRules.decides(ReviewItem.Kind.TEMPLATE));
        assertEquals(AccountPermission.MANAGE_PEOPLE, ReviewRules.decides(ReviewItem.Kind.ACCOUNT_ROLE));
        assertEquals(AccountPermission.MANAGE_AUTHORIZATIONS, ReviewRules.decides(ReviewItem.Kind.AUTHORIZATION));
    }

    @Test
    void aDecisionIsKeepOrRemoveWithAComment() {
        assertTrue(ReviewRules.invalid("keep", "checked").isEmpty());
        assertTrue(ReviewRules.invalid("remove", "left").isEmpty());
        assertEquals("decision", ReviewRules.invalid("maybe", "x").orElseThrow()[0]);
        assertEquals("decision", ReviewRules.invalid(null, "x").orElseThrow()[0]);
        assertEquals("comment", ReviewRules.invalid("keep", " ").orElseThrow()[0]);
        assertEquals("comment", ReviewRules.invalid("keep", "x".repeat(501)).orElseThrow()[0]);
    }

    @Test
    void undecidedItemsFollowTheAccountsSetting() {
        ReviewItem undecided = new ReviewItem(1, "p", ReviewItem.Kind.TEMPLATE, "t", "l", null, null, null, null, null);
        ReviewItem kept = new ReviewItem(2, "p", ReviewItem.Kind.TEMPLATE, "t", "l", ReviewItem.Decision.KEEP, "ok", "a", 1L, null);
        assertEquals(ReviewItem.Decision.REMOVE, ReviewRules.atClose(undecided, ReviewItem.Decision.REMOVE));
        assertEquals(ReviewItem.Decision.KEEP, ReviewRules.atClose(undecided, ReviewItem.Decision.KEEP));
        assertEquals(ReviewItem.Decision.KEEP, ReviewRules.atClose(kept, ReviewItem.Decision.REMOVE));
    }

    @Test
    void anUndecidedAdministratorRoleIsKeptWhateverTheSetting() {
        ReviewItem admin = new ReviewItem(3, "p", ReviewItem.Kind.ACCOUNT_ROLE, "account-administrator", "l", null, null, null, null, null);
        ReviewItem auditor = new ReviewItem(4, "p", ReviewItem.Kind.ACCOUNT_ROLE, "auditor", "l", null, null, null, null, null);
        ReviewItem removed = new ReviewItem(5, "p", ReviewItem.Kind.ACCOUNT_ROLE, "account-administrator", "l",
                ReviewItem.Decision.REMOVE, "left", "a", 1L, null);
        assertEquals(ReviewItem.Decision.KEEP, ReviewRules.atClose(admin, ReviewItem.Decision.REMOVE));
        assertEquals(ReviewItem.Decision.REMOVE, ReviewRules.atClose(auditor, ReviewItem.Decision.REMOVE));
        assertEquals(ReviewItem.Decision.REMOVE, ReviewRules.atClose(removed, ReviewItem.Decision.KEEP), "a decision is applied");
    }
}

package com.maintenanceaccess.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The message key (and its parameters) of each English sentence the {@code /mx} API answers a
 * person with, so that a client shows the text in the person's language (the account theme's
 * {@code messages_en/de.properties} hold the texts, {@code {0}}, {@code {1}} … for the
 * parameters). The English sentence stays in the body as it was: it is the text for clients that
 * know no keys, and the fallback for a sentence that has no key yet (then {@link #of} answers
 * {@code null} and the body carries no key).
 *
 * <p>One table, matched against the sentence as the feature rules write it, rather than keys at
 * every call site: the rules stay plain English for logs and tests, and the one place that names
 * the texts people see is this table ({@code ProblemKeysTest} checks each row with a sample
 * sentence, {@code MessageKeysTest} that every key here has an English and a German text).
 * Parameters are the matched groups in order: values the request sent or the server names (a
 * number, a date, a state), never a field name.
 */
public final class ProblemKeys {

    /** A key and its parameters. */
    public record Key(String key, List<String> params) {
    }

    private record Row(Pattern pattern, String key) {
    }

    /** The table, fixed once the class is loaded. */
    private static final List<Row> ROWS;

    static {
        List<Row> rows = new ArrayList<>();
        // ---- a field's problem (the "problems" of a 400) ----------------------------------------
        row(rows, "is required( \\(.*\\))?", "mxError.required");
        row(rows, "is required: a list of account-administrator, compliance-officer, auditor", "mxError.accountRoleUnknown");
        row(rows, "one of account-administrator, compliance-officer, auditor", "mxError.accountRoleUnknown");
        row(rows, "must be an e-mail address", "mxError.emailInvalid");
        row(rows, "must be an e-mail address with a domain ending, such as name@example.com", "mxError.emailNoDomainEnding");
        row(rows, "must be an e-mail address with a valid domain", "mxError.emailInvalidDomain");
        row(rows, "another user of this realm already has this address", "mxError.addressTaken");
        row(rows, "the invitation already goes to this address", "mxError.sameAddress");
        row(rows, "choose at least one role template", "mxError.templateRequired");
        row(rows, "no role template named '(.*)'", "mxError.unknownTemplate");
        row(rows, "is not the name of a role template", "mxError.unknownTemplate");
        row(rows, "must be a list of role template names", "mxError.unknownTemplate");
        row(rows, "must be between (-?\\d+) and (-?\\d+)", "mxError.between");
        row(rows, "at most (\\d+) characters", "mxError.tooLong");
        row(rows, "is longer than (\\d+) characters", "mxError.tooLong");
        row(rows, "'(.*)' is not a whole number", "mxError.notWholeNumber");
        row(rows, "'(.*)' is not a date \\(YYYY-MM-DD\\)", "mxError.notADate");
        row(rows, "must be after effective \\((.*)\\)", "mxError.expiryBeforeEffective");
        row(rows, "must not be after effective", "mxError.firstIssueAfterEffective");
        row(rows, "ends before it starts", "mxError.periodReversed");
        row(rows, "needs from and to dates", "mxError.periodNeedsDates");
        row(rows, "a suspension needs a reason", "mxError.suspensionReason");
        row(rows, "malformed reference '(.*)': use 3-40 upper-case letters, digits, '.', '/' or '-'", "mxError.referenceMalformed");
        row(rows, "unknown authorization type '(.*)' \\(known: .*\\)", "mxError.unknownType");
        row(rows, "is required for type (.*)", "mxError.licenceRequired");
        row(rows, "unknown licence category '(.*)' \\(known: .*\\)", "mxError.unknownCategory");
        row(rows, "category (.*) does not allow type .* \\(allowed: .*\\)", "mxError.categoryDisallows");
        row(rows, "name at least one aircraft type or group", "mxError.aircraftRequired");
        row(rows, "unknown aircraft type or group '(.*)'", "mxError.unknownAircraft");
        row(rows, "name at least one task category or ATA chapter \\(ATA-nn\\)", "mxError.tasksRequired");
        row(rows, "unknown task category '(.*)' \\(a catalog category or ATA-nn\\)", "mxError.unknownTask");
        row(rows, "unknown field", "mxError.unknownField");
        // issue 24 (words): the request body (JsonBody), the team CSV, approvals and signoffs
        row(rows, "unknown field; allowed: (.*)", "mxError.unknownFieldAllowed");
        row(rows, "a JSON object is required", "mxError.jsonObjectRequired");
        row(rows, "must be a JSON object", "mxError.jsonObjectRequired");
        row(rows, "at most (\\d+) bytes", "mxError.bodyTooLarge");
        row(rows, "too deeply nested \\(at most (\\d+) levels\\), a number longer than (\\d+) digits or a string longer than (\\d+) characters",
                "mxError.bodyTooComplex");
        row(rows, "malformed JSON at line (\\d+), column (\\d+)", "mxError.malformedJsonAt");
        row(rows, "malformed JSON", "mxError.malformedJson");
        row(rows, "is not valid JSON", "mxError.malformedJson");
        row(rows, "must not be null \\(a list or an object goes here; leave the field out instead\\)", "mxError.notNull");
        row(rows, "must be a non-empty string", "mxError.nonEmptyText");
        row(rows, "must be a whole number", "mxError.wholeNumber");
        row(rows, "must be at most (\\d+) characters", "mxError.tooLong");
        row(rows, "must be a text \\(or left out\\)", "mxError.textOrNothing");
        row(rows, "is empty: the first row names the columns .*", "mxError.csvEmpty");
        row(rows, "the first row has no column (\\w+) \\(.*\\)", "mxError.csvNoColumn");
        row(rows, "at most (\\d+) people at once \\(this file has (\\d+)\\)", "mxError.csvTooManyRows");
        row(rows, "is on line (\\d+) already", "mxError.csvSameAddress");
        row(rows, "is already one of this account's people", "mxError.alreadyInAccount");
        row(rows, "one of pending, approved, rejected", "mxError.approvalStateUnknown");
        row(rows, "must be one of release, inspection, task", "mxError.signoffTypeUnknown");
        row(rows, "is required: \\{.*\\}", "mxError.required");
        row(rows, "an inspection names the signatures of the work it inspects: .*", "mxError.inspectionNeedsSignatures");
        row(rows, "only an inspection inspects other signatures", "mxError.onlyInspectionInspects");
        row(rows, "is in the past: a signature is made now, never backdated", "mxError.signatureInPast");
        row(rows, "is in the future: a signature is made now", "mxError.signatureInFuture");
        row(rows, "is not an instant such as .*", "mxError.notAnInstant");
        row(rows, "must be accepted or refused", "mxError.outcomeUnknown");

        // ---- the refusal (error_description, without " Nothing was changed.") -------------------
        row(rows, "to view the account's people you need to be .*", "mxError.forbiddenViewPeople");
        row(rows, "to manage the account's people you need to be .*", "mxError.forbiddenManagePeople");
        row(rows, "to grant account roles you need to be .*", "mxError.forbiddenAccountRoles");
        row(rows, "to view personnel authorizations you need to be .*", "mxError.forbiddenViewAuthorizations");
        row(rows, "to manage personnel authorizations you need to be .*", "mxError.forbiddenManageAuthorizations");
        row(rows, "to view the access report you need to be .*", "mxError.forbiddenViewReport");
        row(rows, "to view the account's settings you need to be .*", "mxError.forbiddenViewSettings");
        row(rows, "to change the account's settings you need to be .*", "mxError.forbiddenManageSettings");
        row(rows, "this operation is for realm operators with .*", "mxError.operatorOnly");
        row(rows, "this needs an account role .*", "mxError.needsAccountRole");
        row(rows, "separation of duties: nobody changes their own role templates", "mxError.selfTemplates");
        row(rows, "separation of duties: nobody changes their own account roles", "mxError.selfAccountRoles");
        row(rows, "separation of duties: nobody deactivates themselves", "mxError.selfDeactivate");
        row(rows, "separation of duties: nobody reactivates themselves", "mxError.selfReactivate");
        row(rows, "separation of duties: nobody removes themselves from an account", "mxError.selfRemove");
        row(rows, "separation of duties: nobody invites themselves or changes their own invitation", "mxError.selfInvitation");
        row(rows, "separation of duties: nobody acknowledges their own privileged templates", "mxError.selfAcknowledge");
        row(rows, "separation of duties: nobody approves or rejects their own request; .*", "mxError.selfApproval");
        row(rows, "separation of duties: nobody decides a grant made to themselves", "mxError.selfGrantDecision");
        row(rows, "separation of duties: .*", "mxError.self");
        row(rows, "this request was already decided", "mxError.approvalDecided");
        row(rows, "this request has expired and can no longer be approved: ask for it again", "mxError.approvalExpired");
        row(rows, "the same grant already waits for approval \\(requested (.*)\\): approve or reject that one", "mxError.approvalWaiting");
        row(rows, "the person this request names is no longer a member of the account: reject it", "mxError.approvalNotMember");
        row(rows, "the signoff was refused \\(.*\\); the refusal is recorded\\. Nothing was signed", "mxError.signoffRefused");
        row(rows, "the token has expired; nothing was recorded", "mxError.signoffTokenExpired");
        row(rows, "the token is not signed by this realm; nothing was recorded", "mxError.signoffTokenInvalid");
        row(rows, "somebody else decided this request a moment ago", "mxError.approvalDecidedMeanwhile");
        row(rows, "the requested authorization can no longer be granted as it was asked \\(.*\\): reject it and ask again",
                "mxError.approvalNoLongerGrantable");
        row(rows, "the requested account role '.*' is not known", "mxError.accountRoleUnknown");
        row(rows, "nobody reviews their own access: .*", "mxError.selfReview");
        row(rows, "the review is closed(?: already)?; nothing was changed", "mxError.reviewClosed");
        row(rows, "this item was decided already; nothing was changed", "mxError.reviewItemDecided");
        row(rows, "the invitation was accepted at the same moment, so the .* lost", "mxError.invitationAcceptedMeanwhile");
        row(rows, "only a pending invitation can be ended \\(it is (\\w+)\\)", "mxError.invitationNotEndable");
        row(rows, "the user already accepted an invitation", "mxError.invitationAlreadyAccepted");
        row(rows, "the user has a pending invitation: resend it or change its address instead", "mxError.invitationPending");
        row(rows, "the invitation has no live link", "mxError.invitationNoLink");
        row(rows, "the invitation is not due to expire", "mxError.invitationNotDue");
        row(rows, "user '.*' does not exist in this realm", "mxError.notFoundUser");
        row(rows, "account '.*' does not exist in this realm", "mxError.notFoundAccount");
        row(rows, ".* '.*' does not exist in this realm", "mxError.notFound");
        row(rows, "a person with the e-mail address (.*) is already in this account", "mxError.alreadyMember");
        row(rows, "this person also works for another account, .*", "mxError.deactivateOtherAccount");
        row(rows, "only a pending, expired or revoked invitation can be resent \\(it is (\\w+)\\)", "mxError.invitationNotResendable");
        row(rows, "only a pending or expired invitation can be revoked \\(it is (\\w+)\\)", "mxError.invitationNotRevocable");
        row(rows, "only a pending invitation can change its address \\(it is (\\w+)\\)", "mxError.invitationAddressFixed");
        row(rows, "the invitation e-mail could not be sent .*", "mxError.mailFailed");
        ROWS = List.copyOf(rows);
    }

    private ProblemKeys() {
    }

    private static void row(List<Row> rows, String regex, String key) {
        rows.add(new Row(Pattern.compile(regex, Pattern.DOTALL), key));
    }

    /** The key of an English sentence, with the parameters it names; {@code null} if it has none yet. */
    public static Key of(String sentence) {
        if (sentence == null) {
            return null;
        }
        String text = sentence.strip();
        // A row's problem may quote a whole refusal (the team upload): its key is the sentence's.
        if (text.endsWith(" Nothing was changed.")) {
            text = text.substring(0, text.length() - " Nothing was changed.".length()).strip();
        }
        if (text.endsWith(".")) {
            text = text.substring(0, text.length() - 1);
        }
        for (Row row : ROWS) {
            Matcher matcher = row.pattern().matcher(text);
            if (matcher.matches()) {
                List<String> params = new ArrayList<>();
                for (int i = 1; i <= matcher.groupCount(); i++) {
                    if (matcher.group(i) != null && !row.key().equals("mxError.required")) {
                        params.add(matcher.group(i));
                    }
                }
                return new Key(row.key(), List.copyOf(params));
            }
        }
        return null;
    }

    /** Every key of the table (for the test that each has its texts). */
    public static List<String> keys() {
        return ROWS.stream().map(Row::key).distinct().toList();
    }
}

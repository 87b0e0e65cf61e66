package com.maintenanceaccess.api;

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

    private static final List<Row> ROWS = new ArrayList<>();

    static {
        // ---- a field's problem (the "problems" of a 400) ----------------------------------------
        row("is required( \\(.*\\))?", "mxError.required");
        row("is required: a list of account-administrator, compliance-officer, auditor", "mxError.accountRoleUnknown");
        row("one of account-administrator, compliance-officer, auditor", "mxError.accountRoleUnknown");
        row("must be an e-mail address", "mxError.emailInvalid");
        row("must be an e-mail address with a domain ending, such as name@example.com", "mxError.emailNoDomainEnding");
        row("must be an e-mail address with a valid domain", "mxError.emailInvalidDomain");
        row("another user of this realm already has this address", "mxError.addressTaken");
        row("the invitation already goes to this address", "mxError.sameAddress");
        row("choose at least one role template", "mxError.templateRequired");
        row("no role template named '(.*)'", "mxError.unknownTemplate");
        row("is not the name of a role template", "mxError.unknownTemplate");
        row("must be a list of role template names", "mxError.unknownTemplate");
        row("must be between (-?\\d+) and (-?\\d+)", "mxError.between");
        row("at most (\\d+) characters", "mxError.tooLong");
        row("is longer than (\\d+) characters", "mxError.tooLong");
        row("'(.*)' is not a whole number", "mxError.notWholeNumber");
        row("'(.*)' is not a date \\(YYYY-MM-DD\\)", "mxError.notADate");
        row("must be after effective \\((.*)\\)", "mxError.expiryBeforeEffective");
        row("must not be after effective", "mxError.firstIssueAfterEffective");
        row("ends before it starts", "mxError.periodReversed");
        row("needs from and to dates", "mxError.periodNeedsDates");
        row("a suspension needs a reason", "mxError.suspensionReason");
        row("malformed reference '(.*)': use 3-40 upper-case letters, digits, '.', '/' or '-'", "mxError.referenceMalformed");
        row("unknown authorization type '(.*)' \\(known: .*\\)", "mxError.unknownType");
        row("is required for type (.*)", "mxError.licenceRequired");
        row("unknown licence category '(.*)' \\(known: .*\\)", "mxError.unknownCategory");
        row("category (.*) does not allow type .* \\(allowed: .*\\)", "mxError.categoryDisallows");
        row("name at least one aircraft type or group", "mxError.aircraftRequired");
        row("unknown aircraft type or group '(.*)'", "mxError.unknownAircraft");
        row("name at least one task category or ATA chapter \\(ATA-nn\\)", "mxError.tasksRequired");
        row("unknown task category '(.*)' \\(a catalog category or ATA-nn\\)", "mxError.unknownTask");
        row("unknown field", "mxError.unknownField");

        // ---- the refusal (error_description, without " Nothing was changed.") -------------------
        row("to view the account's people you need to be .*", "mxError.forbiddenViewPeople");
        row("to manage the account's people you need to be .*", "mxError.forbiddenManagePeople");
        row("to grant account roles you need to be .*", "mxError.forbiddenAccountRoles");
        row("to view personnel authorizations you need to be .*", "mxError.forbiddenViewAuthorizations");
        row("to manage personnel authorizations you need to be .*", "mxError.forbiddenManageAuthorizations");
        row("to view the access report you need to be .*", "mxError.forbiddenViewReport");
        row("to view the account's settings you need to be .*", "mxError.forbiddenViewSettings");
        row("to change the account's settings you need to be .*", "mxError.forbiddenManageSettings");
        row("this operation is for realm operators with .*", "mxError.operatorOnly");
        row("this needs an account role .*", "mxError.needsAccountRole");
        row("separation of duties: nobody changes their own role templates", "mxError.selfTemplates");
        row("separation of duties: nobody changes their own account roles", "mxError.selfAccountRoles");
        row("separation of duties: nobody deactivates themselves", "mxError.selfDeactivate");
        row("separation of duties: nobody reactivates themselves", "mxError.selfReactivate");
        row("separation of duties: nobody removes themselves from an account", "mxError.selfRemove");
        row("separation of duties: nobody invites themselves or changes their own invitation", "mxError.selfInvitation");
        row("separation of duties: nobody acknowledges their own privileged templates", "mxError.selfAcknowledge");
        row("separation of duties: .*", "mxError.self");
        row("user '.*' does not exist in this realm", "mxError.notFoundUser");
        row("account '.*' does not exist in this realm", "mxError.notFoundAccount");
        row(".* '.*' does not exist in this realm", "mxError.notFound");
        row("a person with the e-mail address (.*) is already in this account", "mxError.alreadyMember");
        row("this person also works for another account, .*", "mxError.deactivateOtherAccount");
        row("only a pending, expired or revoked invitation can be resent \\(it is (\\w+)\\)", "mxError.invitationNotResendable");
        row("only a pending or expired invitation can be revoked \\(it is (\\w+)\\)", "mxError.invitationNotRevocable");
        row("only a pending invitation can change its address \\(it is (\\w+)\\)", "mxError.invitationAddressFixed");
        row("the invitation e-mail could not be sent .*", "mxError.mailFailed");
    }

    private ProblemKeys() {
    }

    private static void row(String regex, String key) {
        ROWS.add(new Row(Pattern.compile(regex, Pattern.DOTALL), key));
    }

    /** The key of an English sentence, with the parameters it names; {@code null} if it has none yet. */
    public static Key of(String sentence) {
        if (sentence == null) {
            return null;
        }
        String text = sentence.strip();
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

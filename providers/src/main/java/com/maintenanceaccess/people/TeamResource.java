package com.maintenanceaccess.people;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.maintenanceaccess.kernel.AccountPermission;
import com.maintenanceaccess.kernel.Authority;
import com.maintenanceaccess.kernel.Problems;
import com.maintenanceaccess.kernel.Problems.Problem;
import com.maintenanceaccess.kernel.Csv;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.UserModel;

/**
 * A whole team at once (issue 24): invite from a CSV file, after a preview that shows each row's
 * problems, and export the account's people as CSV. Each row goes through the people API's own
 * create-and-invite ({@link AccountPeopleResource#create}), so a row is exactly one person created on
 * the People page would be: same checks, same invitation, same admin event, same answer whether the
 * address was known elsewhere or not.
 *
 * <p>Rows are refused one by one (a refused row writes nothing) and the others go ahead. All rows run
 * in the request's one transaction, and each invitation is mailed as its row is done: a server error
 * in the middle of the file (not a refusal) ends the request and rolls the people back, while the
 * mails of the rows before it are already out; their links then lead to the "not usable" page.
 */
public class TeamResource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeycloakSession session;
    private final Authority caller;
    private final String accountParam;
    private final com.maintenanceaccess.approval.Approvals approvals;

    public TeamResource(KeycloakSession session, Authority caller, String accountParam,
                 com.maintenanceaccess.approval.Approvals approvals) {
        this.approvals = approvals;
        this.session = session;
        this.caller = caller;
        this.accountParam = accountParam;
    }

    /** What would happen to each row, without writing or sending anything. */
    public record RowOutcome(int line, String firstName, String lastName, String email, List<String> templates,
                             String outcome, List<Problem> problems) {
    }

    /** The rows and how many are ready (preview), invited or refused. */
    public record TeamAnswer(boolean preview, int ready, int invited, int refused, List<RowOutcome> rows) {
    }

    @POST
    @Path("preview")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    public TeamAnswer preview(String csv) {
        OrganizationModel account = caller.account(accountParam, AccountPermission.MANAGE_PEOPLE);
        AccountPeopleResource people = new AccountPeopleResource(session, caller, accountParam, approvals);
        List<RowOutcome> rows = new ArrayList<>();
        for (TeamCsv.Row row : read(csv)) {
            List<Problem> problems = new ArrayList<>(row.problems());
            if (problems.isEmpty()) {
                try {
                    people.newPerson(account, body(row));
                } catch (WebApplicationException refused) {
                    problems.addAll(problems(refused));
                }
            }
            rows.add(outcome(row, problems.isEmpty() ? "ready" : "refused", problems));
        }
        return answer(true, rows);
    }

    @POST
    @Path("invite")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    public TeamAnswer invite(String csv) {
        caller.account(accountParam, AccountPermission.MANAGE_PEOPLE);
        AccountPeopleResource people = new AccountPeopleResource(session, caller, accountParam, approvals);
        List<RowOutcome> rows = new ArrayList<>();
        for (TeamCsv.Row row : read(csv)) {
            List<Problem> problems = new ArrayList<>(row.problems());
            if (problems.isEmpty()) {
                try {
                    people.create(body(row).toString());
                } catch (WebApplicationException refused) {
                    problems.addAll(problems(refused));
                }
            }
            rows.add(outcome(row, problems.isEmpty() ? "invited" : "refused", problems));
        }
        return answer(false, rows);
    }

    /** The account's people as CSV: name, e-mail, role templates, account roles, state, last login. */
    @GET
    @Path("people.csv")
    @Produces("text/csv")
    public Response export() {
        OrganizationModel account = caller.account(accountParam, AccountPermission.VIEW_PEOPLE);
        AccountPeopleResource people = new AccountPeopleResource(session, caller, accountParam, approvals);
        StringBuilder csv = new StringBuilder(line(List.of("firstName", "lastName", "email", "templates",
                "accountRoles", "state", "lastLogin")));
        int first = 0;
        while (true) {
            List<UserModel> page = session.getProvider(org.keycloak.organization.OrganizationProvider.class)
                    .getMembersStream(account, (String) null, false, first, AccountPeopleResource.SCAN_PAGE).toList();
            for (UserModel user : page) {
                AccountPerson person = people.person(account, user, false);
                csv.append(line(List.of(text(person.firstName()), text(person.lastName()), text(person.email()),
                        String.join("|", person.templates()), String.join("|", person.accountRoles()),
                        person.state(), text(person.lastLogin()))));
            }
            if (page.size() < AccountPeopleResource.SCAN_PAGE) {
                break;
            }
            first += page.size();
        }
        return Response.ok(csv.toString(), "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"people-" + account.getAlias() + ".csv\"")
                .build();
    }

    // ------------------------------------------------------------------------------------

    private static List<TeamCsv.Row> read(String csv) {
        TeamCsv.Team team = TeamCsv.read(csv);
        if (!team.problems().isEmpty()) {
            throw Problems.invalid(team.problems());
        }
        return team.rows();
    }

    private static ObjectNode body(TeamCsv.Row row) {
        ObjectNode body = JSON.createObjectNode();
        body.put("firstName", row.firstName());
        body.put("lastName", row.lastName());
        body.put("email", row.email());
        row.templates().forEach(body.putArray("templates")::add);
        if (!body.has("templates")) {
            body.putArray("templates");
        }
        return body;
    }

    /** The problems of a refused row, from the people API's one error body. */
    private static List<Problem> problems(WebApplicationException refused) {
        Problems.ProblemAnswer answer = Problems.answer(refused);
        if (answer != null && answer.problems() != null && !answer.problems().isEmpty()) {
            return answer.problems();
        }
        // 409: the address is already one of this account's people.
        boolean taken = refused.getResponse().getStatus() == 409;
        return List.of(new Problem(taken ? "email" : "body",
                taken ? "is already one of this account's people" : Problems.sentence(refused)));
    }

    private static RowOutcome outcome(TeamCsv.Row row, String outcome, List<Problem> problems) {
        return new RowOutcome(row.line(), row.firstName(), row.lastName(), row.email(), row.templates(), outcome,
                List.copyOf(problems));
    }

    private static TeamAnswer answer(boolean preview, List<RowOutcome> rows) {
        int refused = (int) rows.stream().filter(r -> r.outcome().equals("refused")).count();
        return new TeamAnswer(preview, preview ? rows.size() - refused : 0, preview ? 0 : rows.size() - refused,
                refused, List.copyOf(rows));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static String line(List<String> cells) {
        return Csv.line(cells);
    }
}

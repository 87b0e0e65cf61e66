import { Page } from "@keycloak/keycloak-account-ui";
import { Button, Label, TextInput, Toolbar, ToolbarContent, ToolbarItem } from "@patternfly/react-core";
import { Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import { useMx } from "../api";
import { useAccount } from "../components/AccountSwitcher";
import { ErrorAlert, FieldProblem, useConsolePath, useLoad, useTime, validated } from "../components/common";
import { paths } from "../paths";
import type { AccountReview, AccountReviewHead } from "../types";

/**
 * Workspace → Reviews: the account's access reviews with recorded decisions (docs/access-review.md),
 * newest first, each with its state and how many items are still undecided. An account
 * administrator starts one (an end date in days); a review opens on its own page.
 */
export function ReviewsPage() {
  const { t } = useTranslation();
  const time = useTime();
  const mx = useMx();
  const navigate = useNavigate();
  const consolePath = useConsolePath();
  const { account, ready, me, switcher, error: meError } = useAccount();
  const list = useLoad(
    () => (ready ? mx.get<AccountReviewHead[]>(`/accounts/${encodeURIComponent(account)}/reviews`) : Promise.resolve(undefined)),
    [account, ready],
  );
  const [days, setDays] = useState("30");
  const [startError, setStartError] = useState<unknown>();
  const [starting, setStarting] = useState(false);
  const roles = me?.accounts.find((option) => option.alias === account)?.roles ?? [];
  const administrator = !!me?.operator || roles.includes("account-administrator");

  const start = async () => {
    if (starting) return;
    setStarting(true);
    setStartError(undefined);
    try {
      const review = await mx.post<AccountReview>(`/accounts/${encodeURIComponent(account)}/reviews`, { days: Number(days) || days });
      navigate(consolePath(paths.review(review.id, account)));
    } catch (failure) {
      setStartError(failure);
    } finally {
      setStarting(false);
    }
  };

  return (
    <Page title={t("mxReviews")} description={t("mxReviewsDescription")}>
      <Toolbar>
        <ToolbarContent>
          <ToolbarItem>{switcher}</ToolbarItem>
          {administrator && (
            <>
              <ToolbarItem>
                <TextInput aria-label={t("mxReviewDays")} data-testid="review-days" type="number" value={days}
                  validated={validated(startError, "days")} onChange={(_, value) => setDays(value)} style={{ width: "6rem" }} />
                <span className="pf-v5-u-font-size-sm">{t("mxReviewDays")}</span>
                <FieldProblem error={startError} field="days" />
              </ToolbarItem>
              <ToolbarItem>
                <Button variant="primary" data-testid="start-review" isDisabled={!ready} onClick={start}>{t("mxReviewStart")}</Button>
              </ToolbarItem>
            </>
          )}
        </ToolbarContent>
      </Toolbar>
      <ErrorAlert error={meError ?? list.error ?? startError} />
      {list.data && list.data.length === 0 && <p data-testid="no-reviews">{t("mxNoReviews")}</p>}
      {list.data && list.data.length > 0 && (
        <Table aria-label={t("mxReviews")} variant="compact" data-testid="reviews">
          <Thead>
            <Tr>
              <Th>{t("mxReviewStarted")}</Th>
              <Th>{t("mxReviewEnds")}</Th>
              <Th>{t("mxReviewState")}</Th>
              <Th>{t("mxReviewOpenItems")}</Th>
            </Tr>
          </Thead>
          <Tbody>
            {list.data.map((review) => (
              <Tr key={review.id} data-testid="review-row">
                <Td dataLabel={t("mxReviewStarted")}>
                  <Link to={consolePath(paths.review(review.id, account))} data-testid="open-review">
                    {t(review.scheduled ? "mxReviewStartedBySchedule" : "mxReviewStartedBy", { when: time(review.startedAt), by: review.startedBy })}
                  </Link>
                </Td>
                <Td dataLabel={t("mxReviewEnds")}>{time(review.endsAt)}</Td>
                <Td dataLabel={t("mxReviewState")}>
                  <Label color={review.status === "open" ? "blue" : "grey"} data-testid="review-state">
                    {review.status === "open" ? t("mxReviewOpen") : t("mxReviewClosedAt", { at: time(review.closedAt) })}
                  </Label>
                </Td>
                <Td dataLabel={t("mxReviewOpenItems")} data-testid="review-counts">{t("mxReviewCounts", { open: review.undecidedCount, total: review.itemCount })}</Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
    </Page>
  );
}

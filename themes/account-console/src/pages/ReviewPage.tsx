import { Page } from "@keycloak/keycloak-account-ui";
import {
  Button,
  FormHelperText,
  HelperText,
  HelperTextItem,
  Label,
  TextInput,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from "@patternfly/react-core";
import { Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { useMx } from "../api";
import { useAccount } from "../components/AccountSwitcher";
import { ConfirmButton } from "../components/ConfirmButton";
import { useTemplateName } from "../components/TemplateWords";
import { ErrorAlert, FieldProblem, SuccessAlert, useAction, useConsolePath, useLoad, useTime, validated } from "../components/common";
import { paths } from "../paths";
import type { AccountReview, ReviewItem } from "../types";

/**
 * One access review (docs/access-review.md): every item (a person's role template, account role or
 * authorization in the account) with its reviewer and decision. The signed-in person decides keep
 * or remove, with a required comment, the items the server says they may (mayDecide); for the
 * others the page says who decides, in words (their own access: someone else). The administrator
 * closes it (asked first: the account, how many items are undecided and what happens to them); the
 * administrator and the auditor download it as CSV.
 */
export function ReviewPage() {
  const { t } = useTranslation();
  const time = useTime();
  const mx = useMx();
  const consolePath = useConsolePath();
  const templateName = useTemplateName();
  const { reviewId = "" } = useParams();
  const { account, accountName, ready, me, error: meError } = useAccount();
  const base = `/accounts/${encodeURIComponent(account)}/reviews/${encodeURIComponent(reviewId)}`;
  const review = useLoad(() => (ready ? mx.get<AccountReview>(base) : Promise.resolve(undefined)), [account, ready, reviewId]);
  const action = useAction(review.reload);
  const [comments, setComments] = useState<Record<number, string>>({});
  const [missing, setMissing] = useState<number>();
  const [acting, setActing] = useState<number>();
  const [downloadError, setDownloadError] = useState<unknown>();
  const roles = me?.accounts.find((option) => option.alias === account)?.roles ?? [];
  const administrator = !!me?.operator || roles.includes("account-administrator");
  const exporter = administrator || roles.includes("auditor");
  const data = review.data;

  const what = (item: ReviewItem) =>
    item.kind === "template"
      ? t("mxReviewWhat-template", { name: templateName(item.value) })
      : item.kind === "account-role"
      ? t("mxReviewWhat-account-role", { role: t(`mxAccountRole-${item.value}`, item.value) })
      : item.type
      ? t("mxReviewWhat-authorization", { type: t(`mxAuthorizationType-${item.type}`, item.type), reference: item.reference ?? "" })
      : t("mxReviewWhat-authorization-gone");

  const decide = (item: ReviewItem, decision: "keep" | "remove") => {
    const comment = (comments[item.no] ?? "").trim();
    if (!comment) {
      setMissing(item.no);
      return;
    }
    setMissing(undefined);
    setActing(item.no);
    action.run(
      () => mx.post(`${base}/items/${item.no}/decision`, { decision, comment }),
      t(decision === "keep" ? "mxReviewKept" : "mxReviewRemoveDecided", { person: item.name ?? item.username ?? "", what: what(item) }),
    );
  };

  const close = () =>
    action.run(() => mx.post<AccountReview>(`${base}/close`, {}), (closed) =>
      t("mxReviewClosedDone", {
        removed: (closed.items ?? []).filter((item) => item.outcome === "removed").length,
        kept: (closed.items ?? []).filter((item) => item.outcome === "kept").length,
      }));

  const download = async () => {
    setDownloadError(undefined);
    try {
      await mx.download(`${base}/export`, `access-review-${account}-${(data?.startedAt ?? "").substring(0, 10)}.csv`);
    } catch (failure) {
      setDownloadError(failure);
    }
  };

  const decision = (item: ReviewItem) =>
    item.decision ? (
      <div data-testid="decision">
        <Label color={item.decision === "keep" ? "green" : "red"}>{t(`mxReviewDecision-${item.decision}`)}</Label>{" "}
        {t("mxReviewDecidedBy", { by: item.decidedBy ?? "", at: time(item.decidedAt) })}
        <div className="pf-v5-u-font-size-sm">{item.comment}</div>
      </div>
    ) : data?.status === "closed" ? (
      <div data-testid="decision">
        {t(item.kind === "account-role" && item.value === "account-administrator"
          ? "mxReviewUndecidedAtClose-administrator" // always kept undecided (ReviewRules.atClose)
          : `mxReviewUndecidedAtClose-${data.undecided}`)}
      </div>
    ) : null;

  const decideCell = (item: ReviewItem) => {
    if (item.mayDecide) {
      const problem = missing === item.no ? t("mxReviewCommentRequired") : undefined;
      const serverError = acting === item.no ? action.error : undefined;
      return (
        <div data-testid="decide">
          <TextInput aria-label={t("mxReviewComment")} placeholder={t("mxReviewComment")} data-testid="review-comment"
            value={comments[item.no] ?? ""} validated={problem ? "error" : validated(serverError, "comment")}
            onChange={(_, value) => setComments({ ...comments, [item.no]: value })} />
          {problem && (
            <FormHelperText>
              <HelperText>
                <HelperTextItem variant="error" data-testid="problem-comment">{problem}</HelperTextItem>
              </HelperText>
            </FormHelperText>
          )}
          <FieldProblem error={serverError} field="comment" />
          <div className="pf-v5-u-mt-xs" style={{ display: "flex", gap: "0.5rem" }}>
            <Button size="sm" variant="secondary" data-testid="keep" onClick={() => decide(item, "keep")}>{t("mxReviewKeep")}</Button>
            <Button size="sm" variant="secondary" isDanger data-testid="remove" onClick={() => decide(item, "remove")}>{t("mxReviewRemove")}</Button>
          </div>
        </div>
      );
    }
    if (item.whyNot && item.whyNot !== "decided") {
      return <span data-testid="not-yours">{t(`mxReviewWhyNot-${item.whyNot}`)}</span>;
    }
    return null;
  };

  return (
    <Page title={t("mxReview")} description={t("mxReviewDescription")}>
      <p className="pf-v5-u-mb-md">
        <Link to={consolePath(`${paths.reviews}?account=${encodeURIComponent(account)}`)} data-testid="back-to-reviews">{t("mxReviewBack")}</Link>
      </p>
      <ErrorAlert error={meError ?? review.error ?? downloadError} />
      <ErrorAlert error={action.error} />
      <SuccessAlert message={action.done} />
      {data && (
        <>
          <p data-testid="review-summary">
            {t(data.scheduled ? "mxReviewStartedBySchedule" : "mxReviewStartedBy", { when: time(data.startedAt), by: data.startedBy })}
            {" · "}
            {t("mxReviewOf", { account: data.accountName ?? accountName })}
            {" · "}
            <span data-testid="review-state">
              {data.status === "open"
                ? t("mxReviewOpenUntil", { until: time(data.endsAt) })
                : t("mxReviewClosedAt", { at: time(data.closedAt) })}
            </span>
            {" · "}
            <span data-testid="review-counts">{t("mxReviewCounts", { open: data.undecidedCount, total: data.itemCount })}</span>
          </p>
          <Toolbar>
            <ToolbarContent>
              {exporter && (
                <ToolbarItem>
                  <Button variant="secondary" data-testid="review-csv" onClick={download}>{t("mxReviewDownload")}</Button>
                </ToolbarItem>
              )}
              {administrator && data.status === "open" && (
                <ToolbarItem>
                  <ConfirmButton testId="close-review" label={t("mxReviewClose")} onConfirm={() => { setActing(undefined); close(); }}
                    question={t("mxReviewCloseQuestion", {
                      account: data.accountName ?? accountName,
                      open: data.undecidedCount,
                      then: t(`mxReviewUndecidedThen-${data.undecided}`),
                    })} />
                </ToolbarItem>
              )}
            </ToolbarContent>
          </Toolbar>
          <Table aria-label={t("mxReview")} variant="compact" data-testid="review-items">
            <Thead>
              <Tr>
                <Th>{t("mxPerson")}</Th>
                <Th>{t("mxReviewWhat")}</Th>
                <Th>{t("mxReviewReviewer")}</Th>
                <Th>{t("mxReviewDecision")}</Th>
                {data.status === "closed" && <Th>{t("mxReviewOutcome")}</Th>}
                {data.status === "open" && <Th>{t("mxReviewYourDecision")}</Th>}
              </Tr>
            </Thead>
            <Tbody>
              {(data.items ?? []).map((item) => (
                <Tr key={item.no} data-testid={`item-${item.no}`} data-person={item.username ?? ""} data-kind={item.kind}
                  data-value={item.kind === "authorization" ? item.reference ?? "" : item.value}>
                  <Td dataLabel={t("mxPerson")} data-testid="item-person">{item.name ?? item.username ?? t("mxReviewPersonGone")}</Td>
                  <Td dataLabel={t("mxReviewWhat")} data-testid="item-what">{what(item)}</Td>
                  <Td dataLabel={t("mxReviewReviewer")}>{t(`mxReviewReviewer-${item.reviewer}`)}</Td>
                  <Td dataLabel={t("mxReviewDecision")}>{decision(item)}</Td>
                  {data.status === "closed" && (
                    <Td dataLabel={t("mxReviewOutcome")} data-testid="item-outcome">{item.outcome ? t(`mxReviewOutcome-${item.outcome}`) : "—"}</Td>
                  )}
                  {data.status === "open" && <Td dataLabel={t("mxReviewYourDecision")}>{decideCell(item)}</Td>}
                </Tr>
              ))}
            </Tbody>
          </Table>
        </>
      )}
    </Page>
  );
}

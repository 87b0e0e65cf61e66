import { Button, FileUpload, FormSection, Label, Title } from "@patternfly/react-core";
import { Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMx } from "../api";
import type { TeamAnswer } from "../types";
import { ErrorAlert, SuccessAlert, useAction, useServerText } from "./common";

const COLOR = { ready: "blue", invited: "green", refused: "red" } as const;

/**
 * Invite a whole team from a CSV file (issue 24): choose or paste the file, check it (each row's
 * problems, nothing is sent), then invite the rows that are ready, with a result per row.
 */
export function TeamInvite({ account, onInvited }: { account: string; onInvited: () => void }) {
  const { t } = useTranslation();
  const serverText = useServerText();
  const mx = useMx();
  const [csv, setCsv] = useState("");
  const [filename, setFilename] = useState("");
  const [answer, setAnswer] = useState<TeamAnswer>();
  const check = useAction(() => undefined);
  const invite = useAction(onInvited);
  const base = `/accounts/${encodeURIComponent(account)}/team`;

  const preview = () =>
    check.run(async () => {
      setAnswer(undefined);
      const checked = await mx.postText<TeamAnswer>(`${base}/preview`, csv);
      setAnswer(checked);
      return checked;
    }, (checked) => t("mxTeamChecked", { ready: checked.ready, refused: checked.refused }));
  const inviteAll = () =>
    invite.run(async () => {
      const done = await mx.postText<TeamAnswer>(`${base}/invite`, csv);
      setAnswer(done);
      return done;
    }, (done) => t("mxTeamInvited", { invited: done.invited, refused: done.refused }));

  return (
    <FormSection title={t("mxTeamInvite")} titleElement="h2" data-testid="team-invite">
      <p>{t("mxTeamInviteHelp")}</p>
      <FileUpload
        id="team-csv"
        type="text"
        data-testid="team-csv"
        value={csv}
        filename={filename}
        filenamePlaceholder={t("mxTeamChooseFile")}
        browseButtonText={t("mxTeamBrowse")}
        clearButtonText={t("mxTeamClear")}
        onFileInputChange={(_, file) => setFilename(file.name)}
        onDataChange={(_, data) => { setCsv(data); setAnswer(undefined); }}
        onTextChange={(_, text) => { setCsv(text); setAnswer(undefined); }}
        onClearClick={() => { setCsv(""); setFilename(""); setAnswer(undefined); }}
        allowEditingUploadedText
      />
      <div>
        <Button variant="secondary" data-testid="team-preview" isDisabled={!csv.trim()} onClick={preview}>{t("mxTeamCheck")}</Button>{" "}
        <Button variant="primary" data-testid="team-invite-all" isDisabled={!answer?.preview || answer.ready === 0} onClick={inviteAll}>
          {t("mxTeamInviteReady", { count: answer?.preview ? answer.ready : 0 })}
        </Button>
      </div>
      <ErrorAlert error={check.error ?? invite.error} />
      <SuccessAlert message={invite.done ?? check.done} />
      {answer && (
        <>
          <Title headingLevel="h3" size="md">{answer.preview ? t("mxTeamPreview") : t("mxTeamResult")}</Title>
          <Table aria-label={t("mxTeamInvite")} variant="compact" data-testid="team-rows">
            <Thead>
              <Tr>
                <Th>{t("mxTeamLine")}</Th>
                <Th>{t("mxPerson")}</Th>
                <Th>{t("mxEmail")}</Th>
                <Th>{t("mxRoles")}</Th>
                <Th>{t("mxState")}</Th>
              </Tr>
            </Thead>
            <Tbody>
              {answer.rows.map((row) => (
                <Tr key={row.line} data-testid={`team-row-${row.line}`} data-outcome={row.outcome}>
                  <Td dataLabel={t("mxTeamLine")}>{row.line}</Td>
                  <Td dataLabel={t("mxPerson")}>{[row.firstName, row.lastName].filter(Boolean).join(" ")}</Td>
                  <Td dataLabel={t("mxEmail")}>{row.email}</Td>
                  <Td dataLabel={t("mxRoles")}>{row.templates.join(", ")}</Td>
                  <Td dataLabel={t("mxState")}>
                    <Label color={COLOR[row.outcome as keyof typeof COLOR]}>{t(`mxTeamOutcome-${row.outcome}`)}</Label>
                    {row.problems.map((problem) => (
                      <div key={problem.field + problem.message} data-testid="team-problem">
                        {t(`mxInvite-${problem.field.replace(/\[\d+\]$/, "")}`, { defaultValue: t("mxTeamField") })}: {serverText.problem(problem)}
                      </div>
                    ))}
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        </>
      )}
    </FormSection>
  );
}

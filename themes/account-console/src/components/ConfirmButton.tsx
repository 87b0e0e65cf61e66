import { Button, Modal, ModalVariant } from "@patternfly/react-core";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";

/**
 * A button for an action that cannot simply be taken back (revoke, deactivate, remove): it first asks,
 * in a dialog that names who and what, and acts only on "Yes". Cancel changes nothing.
 */
export function ConfirmButton({
  testId,
  label,
  question,
  onConfirm,
  variant = "danger",
  size,
}: {
  testId: string;
  label: string;
  question: ReactNode;
  onConfirm: () => void;
  variant?: "danger" | "secondary";
  size?: "sm";
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant={variant} isDanger={variant === "secondary"} size={size} data-testid={testId} onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Modal
        variant={ModalVariant.small}
        title={label}
        titleIconVariant="warning"
        isOpen={open}
        onClose={() => setOpen(false)}
        data-testid="confirm-dialog"
        actions={[
          <Button key="yes" variant="danger" data-testid="confirm-yes" onClick={() => {
            setOpen(false);
            onConfirm();
          }}>
            {label}
          </Button>,
          <Button key="no" variant="link" data-testid="confirm-no" onClick={() => setOpen(false)}>
            {t("mxCancel")}
          </Button>,
        ]}
      >
        <span data-testid="confirm-question">{question}</span>
      </Modal>
    </>
  );
}

import { FormSelect, FormSelectOption } from "@patternfly/react-core";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { useMx } from "../api";
import { useLoad } from "./common";

export type Me = {
  user: { id: string; username: string };
  operator: boolean;
  accounts: { id: string; alias: string; name: string; roles: string[] }[];
};

/**
 * The account the page works in (?account=alias): the caller's accounts from GET /mx/me; the first
 * is chosen when none is named. Returns the chosen alias, or "" while loading or without accounts.
 */
export function useAccount(): { account: string; me?: Me; switcher: JSX.Element; error: unknown } {
  const { t } = useTranslation();
  const mx = useMx();
  const me = useLoad(() => mx.get<Me>("/me"), []);
  const [search, setSearch] = useSearchParams();
  const account = search.get("account") ?? "";
  useEffect(() => {
    const first = me.data?.accounts[0]?.alias;
    if (!account && first) setSearch({ account: first }, { replace: true });
  }, [me.data, account, setSearch]);
  const switcher = (
    <FormSelect
      aria-label={t("mxAccount")}
      data-testid="account-switcher"
      value={account}
      onChange={(_, value) => setSearch({ account: value })}
    >
      {(me.data?.accounts ?? []).map((option) => (
        <FormSelectOption key={option.id} value={option.alias} label={`${option.name} (${option.alias})`} />
      ))}
    </FormSelect>
  );
  return { account, me: me.data, switcher, error: me.error };
}

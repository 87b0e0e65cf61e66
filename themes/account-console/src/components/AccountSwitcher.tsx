import { FormSelect, FormSelectOption } from "@patternfly/react-core";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { useMx } from "../api";
import type { Me } from "../types";
import { useLoad } from "./common";

/** GET /mx/me, generated from the server's record (types.ts); WorkspaceNav reads it from here. */
export type { Me };

/**
 * The account the page works in (?account=alias): the caller's accounts from GET /mx/me; the first
 * is chosen when none is named. With {@code allowAll} (pages whose API also answers for the whole
 * realm) a realm operator may keep "all accounts" (""); everybody else always works in one account.
 * Returns the chosen alias ("" while loading, without accounts, or for all accounts), which addresses
 * the account in the API and the page's address, and the account's name, which is what a person reads
 * (an alias such as "demo-mro" is never shown; Keycloak keeps organization names unique in a realm).
 */
export function useAccount(allowAll = false): {
  account: string; accountName: string; ready: boolean; me?: Me; switcher: JSX.Element; error: unknown;
} {
  const { t } = useTranslation();
  const mx = useMx();
  const me = useLoad(() => mx.get<Me>("/me"), []);
  const [search, setSearch] = useSearchParams();
  const account = search.get("account") ?? "";
  const all = allowAll && !!me.data?.operator;
  useEffect(() => {
    const first = me.data?.accounts[0]?.alias;
    if (!account && first && !all && me.data) {
      setSearch((current) => {
        const next = new URLSearchParams(current);
        next.set("account", first);
        return next;
      }, { replace: true });
    }
  }, [me.data, account, all, setSearch]);
  const switcher = (
    <FormSelect
      aria-label={t("mxAccount")}
      data-testid="account-switcher"
      value={account}
      onChange={(_, value) => setSearch(value ? { account: value } : {})}
    >
      {all && <FormSelectOption value="" label={t("mxAllAccounts")} />}
      {(me.data?.accounts ?? []).map((option) => (
        <FormSelectOption key={option.id} value={option.alias} label={option.name || option.alias} />
      ))}
    </FormSelect>
  );
  // Ready to load: /mx/me answered and an account is chosen (or an operator keeps all accounts).
  const ready = !!me.data && (!!account || all);
  const chosen = me.data?.accounts.find((option) => option.alias === account || option.id === account);
  return { account, accountName: chosen ? chosen.name || chosen.alias : "", ready, me: me.data, switcher, error: me.error };
}

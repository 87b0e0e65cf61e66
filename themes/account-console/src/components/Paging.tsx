import { Pagination } from "@patternfly/react-core";
import { useTranslation } from "react-i18next";

/** The page sizes offered where a list shows its range; every /mx list accepts max up to 100. */
const SIZES = [10, 20, 50, 100];

/**
 * The pager under a list the server pages with first and max: PatternFly's Pagination, compact
 * (previous and next), in the page's language. `total` is the server's count, or null/undefined
 * where the server does not count (a search: counting would cost as much as listing); then a next
 * page is offered while a full page came back, or as `more` says (a server that names the next
 * offset). With `shown` the range ("21–40 of 57", "1–1" uncounted) is shown and the size can be
 * chosen; without it (a list whose rows are not the items paged) only previous and next.
 */
export function Paging({ first, size, shown, total, more, onChange, testId }: {
  first: number;
  size: number;
  shown?: number;
  total?: number | null;
  more?: boolean;
  onChange: (first: number, size: number) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const counted = total !== undefined && total !== null;
  const hasMore = more ?? (counted ? first + size < total : shown !== undefined && shown >= size);
  // Pagination pages by a count: where there is none, one item past this page stands for "more". A
  // page past the end (its last items went meanwhile) still counts as a page, so that previous works.
  const itemCount = Math.max(counted ? total : first + (shown ?? size) + (hasMore ? 1 : 0), first > 0 ? first + 1 : 0);
  const from = shown ? first + 1 : 0;
  const to = shown ? first + shown : 0;
  const range = counted ? t("mxShowing", { from, to, total }) : t("mxShowingUncounted", { from, to });
  return (
    <Pagination
      data-testid={testId}
      variant="bottom"
      isCompact
      isStatic
      widgetId={testId}
      itemCount={itemCount}
      perPage={size}
      page={Math.floor(first / size) + 1}
      perPageOptions={shown === undefined ? [] : SIZES.map((value) => ({ title: String(value), value }))}
      toggleTemplate={() => <span data-testid={`${testId}-range`}>{range}</span>}
      onSetPage={(_, page) => onChange((page - 1) * size, size)}
      onPerPageSelect={(_, perPage) => onChange(0, perPage)}
      titles={{
        perPageSuffix: t("mxPerPage"),
        itemsPerPage: t("mxPerPageTitle"),
        optionsToggleAriaLabel: t("mxPerPageTitle"),
        toPreviousPageAriaLabel: t("mxPrevious"),
        toNextPageAriaLabel: t("mxNext"),
        paginationAriaLabel: t("mxPaging"),
        ofWord: t("mxOf"),
      }}
    />
  );
}

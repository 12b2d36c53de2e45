// The statements of a session as charts (ECharts, SVG, tree-shaken) with the same figures in a table
// for screen readers and for anyone who prefers numbers: the chart itself is marked as an image.
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@utrecht/component-library-react";
import { BarChart } from "echarts/charts";
import { AriaComponent, GridComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { type ReactElement, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { Statement } from "./api.ts";

echarts.use([BarChart, GridComponent, AriaComponent, SVGRenderer]);

function Chart({ statement }: { statement: Statement }): ReactElement {
  const { t } = useTranslation();
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current, undefined, { renderer: "svg" });
    const agree = statement.kind === "agree";
    const labels = agree ? [t("dialogue.agree"), t("dialogue.disagree")] : ["1", "2", "3", "4", "5"];
    const values = agree ? [statement.agree ?? 0, statement.disagree ?? 0] : (statement.scaleCounts ?? []);
    chart.setOption({
      animation: false,
      aria: { enabled: false },
      grid: { left: 40, right: 16, top: 16, bottom: 32 },
      xAxis: { type: "category", data: labels },
      yAxis: { type: "value", minInterval: 1 },
      series: [
        {
          type: "bar",
          data: values,
          label: { show: true, position: "top" },
          itemStyle: { color: agree ? "#154273" : "#b4235e" },
        },
      ],
    });
    return () => chart.dispose();
  }, [statement, t]);
  return (
    <div
      ref={element}
      role="img"
      aria-label={t("dialogue.chartLabel", { text: statement.text })}
      className="zk-chart"
      style={{ inlineSize: "100%", maxInlineSize: "28rem", blockSize: "14rem" }}
    />
  );
}

/** The figures of one statement in words: "12 eens, 5 oneens (71% eens)" or "gemiddelde 3,9 (23)". */
function figures(statement: Statement, t: (key: string, options?: Record<string, string>) => string, language: string) {
  if (statement.kind === "agree") {
    const share =
      statement.agreeShare === null
        ? ""
        : ` (${t("dialogue.agreeShare", { share: String(Math.round(statement.agreeShare * 100)) })})`;
    return `${statement.agree} ${t("dialogue.agree").toLowerCase()}, ${statement.disagree} ${t("dialogue.disagree").toLowerCase()}${share}`;
  }
  const average =
    statement.scaleAverage === null
      ? "–"
      : new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(statement.scaleAverage);
  const counts = statement.scaleCounts ? ` [${statement.scaleCounts.join(", ")}]` : "";
  return `${t("dialogue.average").toLowerCase()} ${average}, ${t("dialogue.count").toLowerCase()} ${statement.scaleCount}${counts}`;
}

export function StatementCharts({ statements }: { statements: Statement[] }): ReactElement {
  const { t, i18n } = useTranslation();
  return (
    <>
      <ol className="zk-list zk-statements">
        {statements.map((s) => (
          <li key={s.id}>
            <p className="zk-statement__text">{s.text}</p>
            {s.kind === "agree" || s.scaleCounts ? <Chart statement={s} /> : null}
          </li>
        ))}
      </ol>
      <Table>
        <TableCaption>{t("dialogue.tableCaption")}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t("dialogue.statement")}</TableHeaderCell>
            <TableHeaderCell scope="col">{t("dialogue.result")}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {statements.map((s) => (
            <TableRow key={s.id}>
              <TableHeaderCell scope="row">{s.text}</TableHeaderCell>
              <TableCell>{figures(s, t, i18n.language)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}

"use client";
// The results page's downloads: one link per format, a choice between every
// row and only the sentences as the author wrote them (rows=kept), and one
// between the rows as the owner corrected them (the default) and the
// engine's version (source=engine).
import { useId, useState, type ReactNode } from "react";
import { ButtonAnchor } from "@/components/ui/button";
import layout from "@/components/ui/layout.module.css";
import styles from "./export-links.module.css";

const formats = [
  { format: "csv", label: "CSV", title: "Comma-separated values for any spreadsheet" },
  { format: "xlsx", label: "Excel", title: "An Excel workbook (.xlsx)" },
  { format: "tsv", label: "Anki (TSV)", title: "Tab-separated, ready to import into Anki" },
  { format: "json", label: "JSON", title: "Structured data for your own tools" },
] as const;

type ExportFormat = (typeof formats)[number]["format"];

/** `kept`: only the sentences left exactly as printed (method kept), none rewritten or cut. */
export type ExportRowsChoice = "all" | "kept";

export function exportHref(jobId: string, format: ExportFormat, rows: ExportRowsChoice = "all", engine = false) {
  const query = new URLSearchParams({ format });
  if (rows !== "all") query.set("rows", rows);
  if (engine) query.set("source", "engine");
  return `/api/jobs/${encodeURIComponent(jobId)}/export?${query}`;
}

/** One choice about what the links download: a checkbox, its label, and a title that explains it. */
function ExportChoice({
  checked,
  onChange,
  title,
  testId,
  children,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  title: string;
  testId: string;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <label className={styles.keptOption} htmlFor={id} title={title}>
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.currentTarget.checked)}
        data-testid={testId}
      />
      <span>{children}</span>
    </label>
  );
}

/** Plain download links: the browser sends the session cookie and saves the file. */
export function ExportLinks({ jobId, size = "sm" }: { jobId: string; size?: "sm" | "md" }) {
  const [keptOnly, setKeptOnly] = useState(false);
  const [engineVersion, setEngineVersion] = useState(false);
  const rows: ExportRowsChoice = keptOnly ? "kept" : "all";
  return (
    <div role="group" aria-label="Download the sentences" className={layout.row}>
      {formats.map((item) => (
        <ButtonAnchor
          key={item.format}
          href={exportHref(jobId, item.format, rows, engineVersion)}
          download
          size={size}
          title={keptOnly ? `${item.title}: only the sentences as the author wrote them` : item.title}
          data-testid={`export-${item.format}`}
        >
          <span aria-hidden="true">↓</span> {item.label}
        </ButtonAnchor>
      ))}
      <ExportChoice
        checked={keptOnly}
        onChange={setKeptOnly}
        title="Only the sentences short enough to be kept whole: nothing rewritten, nothing cut"
        testId="export-kept-only"
      >
        Only sentences as the author wrote them
      </ExportChoice>
      <ExportChoice
        checked={engineVersion}
        onChange={setEngineVersion}
        title="The rows as the engine made them, without your edits, joins, splits and deletions"
        testId="export-engine-version"
      >
        The engine&rsquo;s version, without my corrections
      </ExportChoice>
    </div>
  );
}

import { ButtonAnchor } from "@/components/ui/button";
import layout from "@/components/ui/layout.module.css";

const formats = [
  { format: "csv", label: "CSV", title: "Comma-separated values for any spreadsheet" },
  { format: "xlsx", label: "Excel", title: "An Excel workbook (.xlsx)" },
  { format: "tsv", label: "Anki (TSV)", title: "Tab-separated, ready to import into Anki" },
  { format: "json", label: "JSON", title: "Structured data for your own tools" },
] as const;

export function exportHref(jobId: string, format: (typeof formats)[number]["format"]) {
  return `/api/jobs/${encodeURIComponent(jobId)}/export?format=${format}`;
}

/** Plain download links: the browser sends the session cookie and saves the file. */
export function ExportLinks({ jobId, size = "sm" }: { jobId: string; size?: "sm" | "md" }) {
  return (
    <div role="group" aria-label="Download the sentences" className={layout.row}>
      {formats.map((item) => (
        <ButtonAnchor
          key={item.format}
          href={exportHref(jobId, item.format)}
          download
          size={size}
          title={item.title}
          data-testid={`export-${item.format}`}
        >
          <span aria-hidden="true">↓</span> {item.label}
        </ButtonAnchor>
      ))}
    </div>
  );
}

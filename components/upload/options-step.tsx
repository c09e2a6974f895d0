"use client";
// Step 2 of the upload: the server's estimate, what stands in the way
// (no text layer, not enough credits), and the job's options.
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import factTiles from "@/components/ui/fact-tiles.module.css";
import { formatBytes, formatCredits, formatNumber } from "@/components/ui/format";
import type { Estimate } from "@/lib/client/api-types";
import type { JobOptions } from "@/lib/client/mutations";
import { FileCard } from "./file-card";
import { JobOptionsFields, maxWordsError } from "./job-options-fields";
import styles from "./upload.module.css";
import { pageUnit } from "@/lib/jobs/job-states";

/** What the chosen options cost and whether they can start. */
export function assessOptions(estimate: Estimate, options: JobOptions) {
  // The estimate prices every engine and model, so switching needs no new upload.
  const modelPrice = estimate.modelPrices.find((entry) => entry.model === options.model)?.price;
  const price = options.engine === "gemini" ? (modelPrice ?? estimate.prices.gemini) : estimate.prices.local;
  const short = price > estimate.balance;
  const noText = !estimate.hasText && options.engine === "local";
  return { price, short, noText, blocked: short || noText || Boolean(maxWordsError(options.maxWords)) };
}

function EstimateList({ estimate, price }: { estimate: Estimate; price: number }) {
  return (
    <dl className={`${factTiles.tiles} ${styles.estimate}`} data-testid="estimate">
      <div className={factTiles.tile}>
        <dt>{estimate.format === "pdf" ? "Pages" : "Sections (about 300 words each)"}</dt>
        <dd data-testid="estimate-pages">{formatNumber(estimate.pageCount)}</dd>
      </div>
      <div className={factTiles.tile}>
        <dt>Chunks</dt>
        <dd>{formatNumber(estimate.chunks)}</dd>
      </div>
      <div className={factTiles.tile}>
        <dt>Text layer</dt>
        <dd>{estimate.hasText ? "Yes" : "No (scanned)"}</dd>
      </div>
      <div className={factTiles.tile}>
        <dt>Price</dt>
        <dd data-testid="estimate-price">{formatCredits(price)}</dd>
      </div>
      <div className={factTiles.tile}>
        <dt>Your balance</dt>
        <dd>{formatCredits(estimate.balance)}</dd>
      </div>
      <div className={factTiles.tile}>
        <dt>After this job</dt>
        <dd>{formatCredits(estimate.balance - price)}</dd>
      </div>
    </dl>
  );
}

export function OptionsStep({
  file,
  estimate,
  options,
  onOptionsChange,
  geminiAvailable,
  starting,
  error,
}: {
  file: File;
  estimate: Estimate;
  options: JobOptions;
  onOptionsChange: (next: JobOptions) => void;
  geminiAvailable: boolean;
  starting: boolean;
  error: string | null;
}) {
  const { price, short, noText } = assessOptions(estimate, options);
  return (
    <div className={styles.stack}>
      <FileCard file={file} meta={`${formatBytes(file.size)} · ${formatNumber(estimate.pageCount)} ${pageUnit(estimate.format).many}`} />
      <EstimateList estimate={estimate} price={price} />
      {noText ? (
        <Alert tone="warning" title="No text layer">
          This PDF looks scanned: it has no selectable text, and the local engine reads only text, so it would find no
          sentences.{" "}
          {geminiAvailable
            ? "Choose the Gemini engine, or use a PDF with a text layer."
            : "Use a PDF with a text layer."}
        </Alert>
      ) : null}
      {short ? (
        <Alert tone="danger" title="Not enough credits">
          This book costs {formatCredits(price)} and your balance is {formatCredits(estimate.balance)}.
        </Alert>
      ) : null}
      <h3 className={styles.optionsTitle}>Options</h3>
      <JobOptionsFields
        idPrefix="upload"
        value={options}
        onChange={onOptionsChange}
        geminiAvailable={geminiAvailable}
        models={estimate.modelPrices.map((entry) => ({ name: entry.model, creditsPerPage: entry.creditsPerPage }))}
        disabled={starting}
      />
      {error ? (
        <Alert tone="danger" testId="upload-error">
          {error}
        </Alert>
      ) : null}
    </div>
  );
}

export function OptionsStepFooter({
  estimate,
  options,
  starting,
  onChooseAnother,
  onStart,
}: {
  estimate: Estimate;
  options: JobOptions;
  starting: boolean;
  onChooseAnother: () => void;
  onStart: () => void;
}) {
  const { price, blocked } = assessOptions(estimate, options);
  return (
    <>
      <Button onClick={onChooseAnother} disabled={starting}>
        Choose another file
      </Button>
      <Button variant="primary" onClick={onStart} busy={starting} disabled={blocked} data-testid="start-job" autoFocus>
        Start · {formatCredits(price)}
      </Button>
    </>
  );
}

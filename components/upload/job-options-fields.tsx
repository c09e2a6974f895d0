"use client";
// The options a job takes, shared by the upload dialog and the settings page
// so both explain them the same way.
import { Field, controlClass, describedBy } from "@/components/ui/field";
import type { Engine, GeminiModelOffer } from "@/lib/client/api-types";
import type { JobOptions } from "@/lib/client/mutations";
import { wordLimit } from "@/lib/jobs/job-states";
import styles from "./upload.module.css";

export function maxWordsError(value: number): string | null {
  if (!Number.isInteger(value) || value < wordLimit.min || value > wordLimit.max) {
    return `Choose a whole number from ${wordLimit.min} to ${wordLimit.max}.`;
  }
  return null;
}

export function JobOptionsFields({
  idPrefix,
  value,
  onChange,
  geminiAvailable,
  models,
  disabled,
}: {
  idPrefix: string;
  value: JobOptions;
  onChange: (next: JobOptions) => void;
  geminiAvailable: boolean;
  /** The server's models and prices (GEMINI_MODELS): the only ones offered. */
  models: GeminiModelOffer[];
  disabled?: boolean;
}) {
  const wordsId = `${idPrefix}-max-words`;
  const engineId = `${idPrefix}-engine`;
  const modelId = `${idPrefix}-model`;
  const matterId = `${idPrefix}-include-matter`;
  const wordsError = maxWordsError(value.maxWords);
  const chosenModel = models.some((model) => model.name === value.model) ? value.model! : models[0]?.name;

  return (
    <div className={styles.options}>
      <Field id={wordsId} label="Max words" hint={`${wordLimit.min}–${wordLimit.max} per sentence`} error={wordsError}>
        <input
          id={wordsId}
          name="maxWords"
          type="number"
          inputMode="numeric"
          min={wordLimit.min}
          max={wordLimit.max}
          step={1}
          required
          disabled={disabled}
          className={controlClass}
          value={Number.isNaN(value.maxWords) ? "" : value.maxWords}
          onChange={(event) => onChange({ ...value, maxWords: event.currentTarget.valueAsNumber })}
          aria-invalid={wordsError ? true : undefined}
          aria-describedby={describedBy(wordsId, { hint: true, error: wordsError })}
        />
      </Field>
      <Field
        id={engineId}
        label="Engine"
        hint={value.engine === "local" ? "Offline, reads the text layer" : "AI rewriting, reads any page"}
      >
        <select
          id={engineId}
          name="engine"
          className={controlClass}
          disabled={disabled}
          value={value.engine}
          onChange={(event) => onChange({ ...value, engine: event.currentTarget.value as Engine })}
          aria-describedby={describedBy(engineId, { hint: true })}
        >
          <option value="local">Local</option>
          <option value="gemini" disabled={!geminiAvailable}>
            Gemini{geminiAvailable ? "" : " (not configured)"}
          </option>
        </select>
      </Field>
      <Field
        id={modelId}
        label="Model"
        hint={value.engine === "gemini" ? "Gemini model to use" : "Only used by Gemini"}
      >
        <select
          id={modelId}
          name="model"
          className={controlClass}
          disabled={disabled || value.engine !== "gemini"}
          value={chosenModel ?? ""}
          onChange={(event) => onChange({ ...value, model: event.currentTarget.value })}
          aria-describedby={describedBy(modelId, { hint: true })}
          data-testid="model"
        >
          {models.map((model) => (
            <option key={model.name} value={model.name}>
              {model.name} · {model.creditsPerPage} credit{model.creditsPerPage === 1 ? "" : "s"} a page
            </option>
          ))}
        </select>
      </Field>
      <label className={styles.checkOption} htmlFor={matterId}>
        <input
          id={matterId}
          name="includeMatter"
          type="checkbox"
          disabled={disabled}
          checked={value.includeMatter ?? false}
          onChange={(event) => onChange({ ...value, includeMatter: event.currentTarget.checked })}
          data-testid="include-matter"
        />
        <span>
          Keep the publisher&apos;s pages
          <span className={styles.checkHint}>
            Title pages, notices, table of contents and colophon are left out unless this is on.
          </span>
        </span>
      </label>
    </div>
  );
}

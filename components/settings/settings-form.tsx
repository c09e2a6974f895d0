"use client";
import { useState, type FormEvent } from "react";
import { JobOptionsFields, maxWordsError } from "@/components/upload/job-options-fields";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, Skeleton } from "@/components/ui/surface";
import { putSettings, type JobOptions } from "@/lib/client/mutations";
import { useSettings } from "@/lib/client/use-settings";
import layout from "@/components/ui/layout.module.css";

export function SettingsForm() {
  const { data: settings, error, isLoading } = useSettings();
  const [edited, setEdited] = useState<JobOptions | null>(null);
  const [saving, setSaving] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);

  if (error) return <Alert tone="danger">{error.message}</Alert>;
  if (isLoading || !settings) {
    return (
      <Card title="Defaults for new jobs" labelledBy="settings-title">
        <div className={layout.stackSm} aria-busy="true" aria-label="Loading settings">
          <Skeleton height="4.2rem" />
          <Skeleton height="2.4rem" width="8rem" />
        </div>
      </Card>
    );
  }

  const value: JobOptions = edited ?? {
    maxWords: settings.maxWords,
    engine: settings.engine,
    model: settings.model ?? settings.defaultModel ?? null,
    includeMatter: settings.includeMatter,
  };
  const geminiAvailable = settings.engineAvailable?.gemini ?? true;
  const invalid = Boolean(maxWordsError(value.maxWords));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (invalid) return;
    setSaving(true);
    setResult(null);
    try {
      await putSettings(value);
      setEdited(null);
      setResult({ ok: true, message: "Saved. New uploads start with these options." });
    } catch (caught) {
      setResult({ ok: false, message: caught instanceof Error ? caught.message : "Saving failed." });
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card title="Defaults for new jobs" labelledBy="settings-title">
      <form onSubmit={onSubmit} className={layout.stack} data-testid="settings-form">
        <p className={layout.note}>
          The upload dialog starts with these values; you can still change them for each book.
        </p>
        <JobOptionsFields
          idPrefix="settings"
          value={value}
          onChange={(next) => {
            setEdited(next);
            setResult(null);
          }}
          geminiAvailable={geminiAvailable}
          models={settings.models ?? []}
          disabled={saving}
        />
        {result ? <Alert tone={result.ok ? "success" : "danger"}>{result.message}</Alert> : null}
        <div className={layout.row}>
          <Button type="submit" variant="primary" busy={saving} disabled={invalid || edited === null}>
            Save defaults
          </Button>
          {edited ? (
            <Button onClick={() => setEdited(null)} disabled={saving}>
              Undo changes
            </Button>
          ) : null}
        </div>
      </form>
    </Card>
  );
}

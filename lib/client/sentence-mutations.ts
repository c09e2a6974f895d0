"use client";
// The owner's corrections of a finished book's rows (README "Correcting the
// results"), named for the requests they send. Each answers the rows it
// changed and the recorded change's id (null when nothing changed), which the
// results page keeps to undo it.
import { apiRequest } from "@/lib/client/fetcher";
import type { ChangeAnswer } from "@/lib/client/api-types";

function rowUrl(jobId: string, position: number, action?: string) {
  return `/api/jobs/${encodeURIComponent(jobId)}/sentences/${position}${action ? `/${action}` : ""}`;
}

/** PATCH /api/jobs/[id]/sentences/[position]: new text for a row (or one piece of a split row). */
export function patchSentence(
  jobId: string,
  position: number,
  body: { text: string; version: number; piece?: number; override?: boolean },
) {
  return apiRequest<ChangeAnswer>(rowUrl(jobId, position), { method: "PATCH", json: body });
}

/** POST /api/jobs/[id]/sentences/[position]/join: this piece with the next one of its original sentence. */
export function postJoin(
  jobId: string,
  position: number,
  body: { version: number; piece?: number; nextVersion?: number; override?: boolean },
) {
  return apiRequest<ChangeAnswer>(rowUrl(jobId, position, "join"), { method: "POST", json: body });
}

/** POST /api/jobs/[id]/sentences/[position]/split: cut before the `at`-th word. */
export function postSplit(jobId: string, position: number, body: { version: number; piece?: number; at: number }) {
  return apiRequest<ChangeAnswer>(rowUrl(jobId, position, "split"), { method: "POST", json: body });
}

/** POST /api/jobs/[id]/sentences/[position]/delete: the row, or one piece of it. */
export function postDelete(jobId: string, position: number, body: { version: number; piece?: number }) {
  return apiRequest<ChangeAnswer>(rowUrl(jobId, position, "delete"), { method: "POST", json: body });
}

/** POST /api/jobs/[id]/sentences/[position]/restore: the engine's text again. */
export function postRestore(jobId: string, position: number, body: { version: number }) {
  return apiRequest<ChangeAnswer>(rowUrl(jobId, position, "restore"), { method: "POST", json: body });
}

/** POST /api/jobs/[id]/edits/[editId]/undo: reverse one recorded change. */
export function postUndo(jobId: string, editId: string) {
  return apiRequest<ChangeAnswer>(`/api/jobs/${encodeURIComponent(jobId)}/edits/${encodeURIComponent(editId)}/undo`, {
    method: "POST",
  });
}

// A study set's step is a Prisma enum with a label for each value
// (lib/study-sets/study-set-states.ts), which the page shows instead of the
// raw word: the database refuses any other step.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStudySet } from "@/lib/commands/create-study-set";
import { StudySetStep, studySetStepLabels } from "@/lib/study-sets/study-set-states";
import { makeJob, makeUser } from "@/tests/integration/api-factories";
import { startPipeline, stopPipeline, type Lib } from "@/tests/support/pipeline-harness";

let lib: Lib;

beforeAll(async () => {
  lib = await startPipeline({}, { worker: false });
});

afterAll(async () => {
  if (lib) await stopPipeline(lib);
});

describe("a study set's step", () => {
  it("is one of the enum's values, each with a label", async () => {
    for (const step of Object.values(StudySetStep)) expect(studySetStepLabels[step]).toMatch(/^[A-Z]/);
    const user = await makeUser();
    const job = await makeJob({ userId: user.id });
    const set = await createStudySet({ userId: user.id, body: { jobIds: [job.id], words: "chat" } as never });
    const row = await lib.db().studySet.findUniqueOrThrow({ where: { id: set.id } });
    expect(row.step).toBe(StudySetStep.queued);
    const refused = await lib
      .db()
      .$executeRawUnsafe(`update "StudySet" set step = 'thinking hard' where id = '${set.id}'`)
      .then(() => "accepted", () => "refused");
    expect(refused).toBe("refused");
  });
});

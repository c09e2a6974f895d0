// Ctrl-C in a terminal signals the terminal's whole foreground process group.
// The embedded Postgres is started by a library inside `npm start`'s group,
// so it would shut down at once, under a worker still finishing its chunks.
// `npm start` therefore runs its supervisor in a process group of its own and
// only relays signals to it: the web app and the worker stop first, the
// database last.
import { spawn } from "node:child_process";
import { constants } from "node:os";

const supervisorMark = "PHRASES_COURTES_SUPERVISOR";
const relayed = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/**
 * In the process the user started: runs this same command again, detached,
 * relays signals to it and exits with its exit code (never returns). In that
 * detached copy: returns at once, and treats the loss of its launcher (a
 * `kill -9` on it) like a SIGTERM.
 */
export async function runInOwnProcessGroup(): Promise<void> {
  if (process.env[supervisorMark]) {
    delete process.env[supervisorMark];
    process.once("disconnect", () => process.kill(process.pid, "SIGTERM"));
    return;
  }
  const supervisor = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    detached: true,
    stdio: ["inherit", "inherit", "inherit", "ipc"],
    env: { ...process.env, [supervisorMark]: "1" },
  });
  // One Ctrl-C can arrive more than once (from the terminal, and relayed by
  // npm or tsx); a repeat within a second is that same keypress, while a
  // second Ctrl-C asks the supervisor to kill at once.
  let last = { signal: "", at: 0 };
  for (const signal of relayed) {
    process.on(signal, () => {
      const now = Date.now();
      if (signal === last.signal && now - last.at < 1000) return;
      last = { signal, at: now };
      supervisor.kill(signal);
    });
  }
  const code = await new Promise<number>((resolve) =>
    supervisor.once("exit", (exitCode, signal) => resolve(exitCode ?? 128 + constants.signals[signal ?? "SIGTERM"])),
  );
  process.exit(code);
}

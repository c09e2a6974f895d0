"use client";
// The home page's call to action: a drop zone that opens the upload dialog,
// with the dropped file already in it.
import { useState } from "react";
import { FileDrop } from "./file-drop";
import { UploadDialog } from "./upload-dialog";

export function UploadLauncher({ maxMegabytes }: { maxMegabytes: number }) {
  // Each opening gets a fresh dialog (new key): no state leaks between uploads.
  const [session, setSession] = useState<{ key: number; file: File | null } | null>(null);

  function open(file: File | null) {
    setSession((current) => ({ key: (current?.key ?? 0) + 1, file }));
  }

  return (
    <>
      <div data-testid="home-upload">
        <FileDrop maxMegabytes={maxMegabytes} onFile={(file) => open(file)} onManyFiles={() => open(null)} />
      </div>
      {session ? (
        <UploadDialog
          key={session.key}
          maxMegabytes={maxMegabytes}
          initialFile={session.file}
          onClose={() => setSession(null)}
        />
      ) : null}
    </>
  );
}

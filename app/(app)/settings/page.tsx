import type { Metadata } from "next";
import { SettingsForm } from "@/components/settings/settings-form";
import { PageHeader } from "@/components/ui/surface";
import layout from "@/components/ui/layout.module.css";

export const metadata: Metadata = { title: "Settings" };

export default function SettingsPage() {
  return (
    <>
      <PageHeader title="Settings" description="Choose how new books are processed by default." />
      <div className={layout.narrow}>
        <SettingsForm />
      </div>
    </>
  );
}

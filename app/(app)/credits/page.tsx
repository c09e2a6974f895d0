import type { Metadata } from "next";
import { CreditsView } from "@/components/credits/credits-view";
import { PageHeader } from "@/components/ui/surface";

export const metadata: Metadata = { title: "Credits" };

export default function CreditsPage() {
  return (
    <>
      <PageHeader title="Credits" description="Each page of a book costs credits; you get a fresh grant every month." />
      <CreditsView />
    </>
  );
}

import type { Metadata } from "next";
import { getServerSession } from "next-auth";
import { notFound } from "next/navigation";
import { AccountTools } from "@/components/admin/account-tools";
import { DeadLettersTable } from "@/components/admin/dead-letters-table";
import { QueueDashboard } from "@/components/admin/queue-dashboard";
import layout from "@/components/ui/layout.module.css";
import { PageHeader } from "@/components/ui/surface";
import { authOptions } from "@/lib/auth/auth-options";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage() {
  const session = await getServerSession(authOptions());
  // Non-admins get the ordinary 404: the page's existence is not advertised.
  if (session?.user?.role !== "admin") notFound();
  return (
    <>
      <PageHeader title="Queues" description="Work waiting and running in pg-boss, and the state of every book." />
      <div className={layout.stackLg}>
        <QueueDashboard />
        <DeadLettersTable />
        <AccountTools />
      </div>
    </>
  );
}

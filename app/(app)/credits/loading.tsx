import { PageSkeleton } from "@/components/layout/page-skeleton";

export default function Loading() {
  return <PageSkeleton label="Loading your credits" rows={5} stats />;
}

import { PageSkeleton } from "@/components/layout/page-skeleton";

export default function Loading() {
  return <PageSkeleton label="Loading the queue dashboard" rows={5} stats />;
}

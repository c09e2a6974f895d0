// GET /api/metrics – Prometheus text format for the operator's scraper (bearer METRICS_TOKEN; 404 when unset)
import { publicRoute } from "@/lib/api/route";
import { authorizeScrape } from "@/lib/metrics/authorize-scrape";
import { renderMetrics } from "@/lib/metrics/render-metrics";

export const dynamic = "force-dynamic";

export const GET = publicRoute(async ({ req }) => {
  authorizeScrape(req.headers.get("authorization"));
  const { contentType, body } = await renderMetrics();
  return new Response(body, { headers: { "Content-Type": contentType, "Cache-Control": "no-store" } });
});

import { loadLefff } from "@/lib/french/load-lefff";
const mb = (n: number) => `${Math.round(n / 1048576)} MB`;
const show = (label: string) => { globalThis.gc?.(); const m = process.memoryUsage(); console.log(label.padEnd(20), "rss", mb(m.rss), "heap", mb(m.heapUsed), "maxRSS", Math.round(process.resourceUsage().maxRSS / 1024), "MB"); };
show("start");
loadLefff();
show("lefff loaded");

import type { Metadata } from "next";
import { RecentJobs } from "@/components/jobs/recent-jobs";
import styles from "@/components/upload/upload.module.css";
import { UploadLauncher } from "@/components/upload/upload-launcher";
import { env } from "@/lib/env";
import layout from "@/components/ui/layout.module.css";

export const metadata: Metadata = { title: "Upload" };

export default function HomePage() {
  return (
    <div className={layout.stackLg}>
      <section className={styles.hero} aria-labelledby="home-title">
        <div className={`${styles.heroText} ${styles.heroIntro}`}>
          <h1 id="home-title">Read French novels one short sentence at a time</h1>
          <p>
            Upload a novel as a PDF. Every sentence comes back rewritten to at most the number of words you choose, in
            reading order, linked to the original sentence and its page. Export to CSV, Excel, Anki or JSON.
          </p>
        </div>
        <div className={styles.heroUpload}>
          <UploadLauncher maxMegabytes={env().MAX_UPLOAD_MB} />
        </div>
        <div className={`${styles.heroText} ${styles.heroDetails}`}>
          <ol className={styles.steps}>
            <li>
              <span className={styles.stepNumber}>1</span>Choose a PDF and see its price in credits.
            </li>
            <li>
              <span className={styles.stepNumber}>2</span>Pick the word limit and start; follow the progress live.
            </li>
            <li>
              <span className={styles.stepNumber}>3</span>Study the sentences or download them.
            </li>
          </ol>
          <figure className={styles.example}>
            <figcaption className="visually-hidden">An example sentence before and after</figcaption>
            <span className={styles.exampleLabel}>Original</span>
            <span lang="fr">Emma descendit quelques marches, et elle appela la nourrice qui s’approcha doucement.</span>
            <span className={styles.exampleLabel}>At most 8 words</span>
            <span lang="fr">
              Emma descendit quelques marches.
              <br />
              Elle appela la nourrice, qui s’approcha doucement.
            </span>
          </figure>
        </div>
      </section>
      <RecentJobs />
    </div>
  );
}

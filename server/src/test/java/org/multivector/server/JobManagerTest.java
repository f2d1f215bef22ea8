package org.multivector.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, item 15 ("the server's RSS grew 146 → 502 MB"): finished jobs were kept with their whole results (the
 * newest 1,000); only the newest {@link JobManager#RESULTS_KEPT} keep their results now, the rest their status and
 * study id.
 */
class JobManagerTest {
    @Test
    void finishedJobsKeepTheirResultsOnlyForTheNewest() throws Exception {
        try (JobManager jobs = new JobManager(1, 200, Duration.ofMinutes(1))) {
            List<JobManager.Job> all = new ArrayList<>();
            int n = JobManager.RESULTS_KEPT + 10;
            for (int i = 0; i < n; i++) {
                String study = "study-" + i;
                all.add(jobs.submit("run", Map.of(), job -> Map.of("studyId", study, "payload", new byte[1024])));
            }
            for (JobManager.Job j : all) {
                while (!j.state.finished()) {
                    Thread.sleep(5);
                }
            }
            jobs.submit("run", Map.of(), job -> Map.of("studyId", "last"));
            long kept = all.stream().filter(j -> j.result != null).count();
            assertThat(kept).isLessThanOrEqualTo(JobManager.RESULTS_KEPT);
            assertThat(all.get(0).result).as("the oldest result").isNull();
            assertThat(all.get(0).status()).containsEntry("studyId", "study-0").containsEntry("state", "done");
            assertThat(all.get(n - 1).result).as("the newest result").isNotNull();
        }
    }
}

package org.multivector.store;

import java.nio.file.Path;
import java.util.Map;
import org.multivector.study.StudyRecord;
import org.multivector.study.StudyResult;

/**
 * A child process for the kill tests: saves studies {@code s0}, {@code s1}, {@code s2} in turn under a root, each
 * with a new manifest, until it is killed; prints {@code saving} once it has started and {@code saved} after each
 * save.
 */
public final class SaveLoop {
    private SaveLoop() {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        StudyDirectories archive = new StudyDirectories(root);
        StudyResult run = new StudyResult.Run(null, StoreTest.small(), StoreTest.small());
        System.out.println("saving");
        System.out.flush();
        for (int i = 0; ; i++) {
            String id = "s" + (i % 3);
            archive.save(
                    id,
                    new StudyRecord(id, "run", "s", "h", 7, 1, "single", Map.of("studyId", id, "n", i)),
                    run,
                    Map.of("report.html", new byte[64 * 1024]));
            System.out.println("saved");
            System.out.flush();
        }
    }
}

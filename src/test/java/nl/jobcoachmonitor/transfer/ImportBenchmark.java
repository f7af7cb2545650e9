package nl.jobcoachmonitor.transfer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import nl.jobcoachmonitor.JobcoachMonitorApplication;
import nl.jobcoachmonitor.outcomes.OutcomesManagement;

import org.springframework.boot.SpringApplication;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The import's benchmark (not a test): generates a caseload of {@code contacts} contacts (100 per trajectory, with
 * their employees, employers and trajectories) as CSV files, imports it into the PostgreSQL database of
 * {@code JCM_DB_URL} through the product's own importer (the whole validation included, one transaction), and prints
 * rows per second, the peak heap and the load average. Then the indicators of the imported trajectories are brought up
 * to date, timed apart. Run by {@code bench/import-benchmark.sh}.
 */
public final class ImportBenchmark {

    public static void main(String[] args) throws Exception {
        int contacts = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        boolean indicators = args.length > 1 && args[1].equals("indicators");
        boolean twice = args.length > 1 && args[1].equals("twice");
        int perTrajectory = 100;
        int trajectories = Math.max(1, contacts / perTrajectory);
        String prefix = "bench" + Long.toString(System.currentTimeMillis(), 36) + "-";
        LocalDate today = LocalDate.now();
        Path directory = Files.createTempDirectory("import-bench");
        long generated = System.nanoTime();
        var files = generate(directory, prefix, trajectories, perTrajectory, today);
        System.out.printf(Locale.ROOT, "generated %d contacts of %d trajectories in %.1f s (%d MB of CSV)%n",
                contacts, trajectories, (System.nanoTime() - generated) / 1e9,
                files.stream().mapToLong(ImportFile::size).sum() >> 20);

        var application = new SpringApplication(JobcoachMonitorApplication.class);
        try (var context = application.run("--spring.main.banner-mode=off", "--logging.level.root=WARN", "--logging.level.nl.jobcoachmonitor.transfer=INFO",
                "--server.port=0")) {
            var importer = context.getBean(Importer.class);
            var jdbc = context.getBean(JdbcClient.class);
            long organisation = jdbc.sql("select organisation_id from app_user where username = 'coach'")
                    .query(Long.class).single();
            long user = jdbc.sql("select id from app_user where username = 'manager'").query(Long.class).single();
            var outcome = timedImport("first import", importer, organisation, user, files, contacts);
            if (outcome == null) {
                return;
            }
            if (twice) {
                // the same files again: everything is found unchanged, nothing is written
                var second = timedImport("second import (same files)", importer, organisation, user, files,
                        contacts);
                if (second != null) {
                    System.out.println("second import's counts (created, updated, unchanged): " + second.counts()
                            .stream().map(c -> c.kind().file() + " " + c.created() + "/" + c.updated() + "/"
                                    + c.unchanged()).toList());
                }
            }
            if (indicators) {
                long recompute = System.nanoTime();
                context.getBean(OutcomesManagement.class).recompute(outcome.trajectoryIds(), () -> { });
                System.out.printf(Locale.ROOT, "indicators of %d trajectories in %.1f s%n",
                        outcome.trajectoryIds().size(), (System.nanoTime() - recompute) / 1e9);
            }
        } finally {
            for (ImportFile file : files) {
                Files.deleteIfExists(file.path());
            }
        }
    }

    /** One import of the files, timed, with its rows/s, the heap's peak and the load average; null if not stored. */
    private static ImportOutcome timedImport(String name, Importer importer, long organisation, long user,
            List<ImportFile> files, int contacts) {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        var progress = new ImportProgress(files.stream().mapToLong(ImportFile::size).sum());
        long start = System.nanoTime();
        var outcome = importer.run(organisation, user, files, true, progress);
        double seconds = (System.nanoTime() - start) / 1e9;
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        if (!outcome.valid() || !outcome.stored()) {
            System.out.println(name + " NOT STORED: " + outcome.problemCount() + " problems, first "
                    + outcome.problems());
            return null;
        }
        System.out.printf(Locale.ROOT, "%s: %d rows (%d contacts) in %.1f s: %.0f rows/s, %.0f contacts/s%n", name,
                outcome.rows(), contacts, seconds, outcome.rows() / seconds, contacts / seconds);
        System.out.printf(Locale.ROOT, "peak heap (sum of the pools' peaks) %d MB of max %d MB%n", peakHeap >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf(Locale.ROOT, "load average (1 min) before %.2f, after %.2f, on %d cores%n", loadBefore,
                loadAfter, Runtime.getRuntime().availableProcessors());
        return outcome;
    }

    static List<ImportFile> generate(Path directory, String p, int trajectories, int perTrajectory, LocalDate today)
            throws IOException {
        var random = new Random(42);
        var files = new ArrayList<ImportFile>();
        int employers = Math.max(1, trajectories / 10);
        files.add(write(directory, "employers.csv", out -> {
            out.write("source_id,name,city,sector\n");
            for (int i = 0; i < employers; i++) {
                out.write(p + "W" + i + ",Werkgever " + i + ",Apeldoorn,Zorg\n");
            }
        }));
        files.add(write(directory, "employees.csv", out -> {
            out.write("source_id,first_name,last_name,birth_date,email,phone\n");
            for (int i = 0; i < trajectories; i++) {
                out.write(p + "E" + i + ",Voornaam" + i + ",Achternaam" + i + "," + LocalDate.of(1990, 1, 1)
                        .plusDays(random.nextInt(4000)) + ",,\n");
            }
        }));
        LocalDate start = today.minusYears(2);
        files.add(write(directory, "trajectories.csv", out -> {
            out.write("source_id,employee_source_id,coach_username,commissioner,employer_source_id,started_on,phase,"
                    + "closing_reason,closed_on,job_title,job_contract_hours,job_contract_type,job_started_on,"
                    + "client_number,case_number\n");
            for (int i = 0; i < trajectories; i++) {
                out.write(p + "T" + i + "," + p + "E" + i + ",coach,Gemeente Apeldoorn," + p + "W" + (i % employers)
                        + "," + start.plusDays(i % 60) + ",COACHING,,,Medewerker,24.0,TEMPORARY," + start.plusDays(i % 60)
                        + ",,\n");
            }
        }));
        String[] parties = {"EMPLOYEE", "EMPLOYEE", "EMPLOYER", "CARE_PROVIDER"};
        String[] modes = {"WORKPLACE_VISIT", "PHONE", "OFFICE", "VIDEO"};
        String[] themes = {"STRESS", "LIMITS|STRESS", "COMMUNICATION", "", "ADJUSTMENTS|DEALING_WITH_EMPLOYEE"};
        files.add(write(directory, "contacts.csv", out -> {
            out.write("source_id,trajectory_source_id,contact_on,minutes,party,mode,themes,note,goal_source_ids,reason\n");
            long n = 0;
            for (int t = 0; t < trajectories; t++) {
                for (int c = 0; c < perTrajectory; c++) {
                    out.write(p + "C" + n++ + "," + p + "T" + t + "," + start.plusDays(60 + random.nextInt(600)) + ","
                            + (15 + random.nextInt(100)) + "," + parties[random.nextInt(parties.length)] + ","
                            + modes[random.nextInt(modes.length)] + "," + themes[random.nextInt(themes.length)]
                            + ",Gesprek over de week,,\n");
                }
            }
        }));
        return files;
    }

    interface Body {
        void write(BufferedWriter out) throws IOException;
    }

    static ImportFile write(Path directory, String name, Body body) throws IOException {
        Path path = directory.resolve(name);
        try (var out = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            body.write(out);
        }
        return new ImportFile(name, path, Files.size(path));
    }
}

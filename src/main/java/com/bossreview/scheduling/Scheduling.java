package com.bossreview.scheduling;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.spi.JobFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * Quartz with the clustered JDBC JobStore on the app's own database and connection pool. It runs a
 * few fixed jobs (nudge materializer, dispatcher); several app instances share the work safely.
 */
public final class Scheduling implements AutoCloseable {
    public static final String SCHEDULER_NAME = "bossreview";
    static final java.time.Duration SHUTDOWN_WAIT = java.time.Duration.ofSeconds(10);
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Scheduling.class);

    private final Scheduler scheduler;

    private Scheduling(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * @param instanceId {@code "AUTO"} in production (host name + time); tests that run several
     *     schedulers in one JVM pass their own
     */
    public static Scheduling create(
            DataSource dataSource, JobFactory jobFactory, String instanceId, int threads) {
        // A data source name per instance: Quartz keeps connection providers in a JVM-wide
        // registry.
        String dataSourceName = "bossreview-" + UUID.randomUUID();
        DBConnectionManager.getInstance()
                .addConnectionProvider(dataSourceName, new PoolProvider(dataSource));

        Properties p = new Properties();
        p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, SCHEDULER_NAME);
        p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_ID, instanceId);
        p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(threads));
        // Daemons: a Quartz thread stuck retrying against a vanished database must not keep the JVM
        // alive.
        p.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
        p.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
        // On shutdown, jobs that can stop early (MaterializeJob between retries) are told to.
        p.setProperty(StdSchedulerFactory.PROP_SCHED_INTERRUPT_JOBS_ON_SHUTDOWN_WITH_WAIT, "true");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty(
                "org.quartz.jobStore.driverDelegateClass",
                "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        p.setProperty("org.quartz.jobStore.dataSource", dataSourceName);
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", "5000");
        p.setProperty("org.quartz.jobStore.misfireThreshold", "30000");
        try {
            StdSchedulerFactory factory = new StdSchedulerFactory(p);
            Scheduler scheduler = factory.getScheduler();
            // Quartz registers schedulers by name JVM-wide; we hold our own reference, and removing
            // it
            // lets a second instance of the cluster run in the same JVM (tests, benchmarks).
            SchedulerRepository.getInstance().remove(SCHEDULER_NAME);
            scheduler.setJobFactory(jobFactory);
            return new Scheduling(scheduler);
        } catch (SchedulerException e) {
            throw new IllegalStateException(
                    "Could not create the Quartz scheduler: " + e.getMessage(), e);
        }
    }

    public void start() {
        try {
            scheduler.start();
        } catch (SchedulerException e) {
            throw new IllegalStateException(
                    "Could not start the Quartz scheduler: " + e.getMessage(), e);
        }
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    public boolean isRunning() {
        try {
            return scheduler.isStarted() && !scheduler.isShutdown() && !scheduler.isInStandbyMode();
        } catch (SchedulerException e) {
            return false;
        }
    }

    /**
     * Waits up to {@link #SHUTDOWN_WAIT} for running jobs. With the database gone, Quartz retries a
     * job's completion forever; its threads are daemons, so giving up here lets the process exit.
     */
    @Override
    public void close() {
        Thread stopper =
                new Thread(
                        () -> {
                            try {
                                scheduler.shutdown(true);
                            } catch (SchedulerException e) {
                                log.warn("Quartz did not shut down cleanly: {}", e.getMessage());
                            }
                        },
                        "quartz-shutdown");
        stopper.setDaemon(true);
        stopper.start();
        try {
            stopper.join(SHUTDOWN_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (stopper.isAlive()) {
            log.warn(
                    "Quartz still waits for a job after {} s (database unreachable?); leaving it behind",
                    SHUTDOWN_WAIT.toSeconds());
        }
    }

    /**
     * Lends Quartz connections from the app's HikariCP pool instead of a second pool of its own.
     */
    private record PoolProvider(DataSource dataSource) implements ConnectionProvider {
        @Override
        public Connection getConnection() throws SQLException {
            return dataSource.getConnection();
        }

        @Override
        public void shutdown() {
            // the pool belongs to the app and is closed by it
        }

        @Override
        public void initialize() {
            // nothing to set up
        }
    }
}

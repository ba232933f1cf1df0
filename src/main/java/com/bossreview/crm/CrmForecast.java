package com.bossreview.crm;

import com.bossreview.forecast.Amounts;
import com.bossreview.forecast.Currency;
import com.bossreview.forecast.Forecast;
import com.bossreview.forecast.ForecastService;
import com.bossreview.forecast.ForecastViews;
import com.bossreview.forecast.Recorded;
import com.bossreview.manager.Manager;
import com.bossreview.slack.Messenger;
import com.bossreview.slack.SlackCallException;
import com.bossreview.time.FiscalQuarter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The forecast follows the CRM's commit (issue 16): after a sync has stored a manager's deals,
 * their figure for the current fiscal quarter is the sum of the open Commit deals closing in it and
 * the deals closed won in it (Salesforce's "Commit forecast" rollup: Commit and Closed), or, for a
 * manager who named their commit stages ({@code settings crm-commit-stages}: HubSpot portals often
 * leave the forecast category empty), the open deals in those stages and the deals closed won. It
 * is recorded through {@link ForecastService#record} exactly as {@code /bossreview forecast}
 * records a typed figure, so what follows a typed figure follows it: compared with what the boss
 * was last told, a lower figure is a downgrade whose reminders are planned with it. Only a figure
 * that differs from the last one recorded this quarter is recorded (not a row per sync).
 *
 * <p>A typed figure gets its reply with the share button at once; a figure from the CRM arrives
 * unasked, so only a downgrade, which the boss must hear now, is sent as a DM (the same message and
 * "Tell boss now" button as a typed downgrade). Others are recorded quietly: the manager sees them
 * in the status card and the agenda.
 *
 * <p>A commit that falls to zero after a positive figure this quarter is recorded (the biggest
 * downgrade of all); a quarter with no commit yet records nothing.
 *
 * <p>Not recorded, and logged: no commit yet this quarter, deals in several currencies (bossreview
 * converts nothing), a currency a forecast cannot carry (only USD, EUR, GBP).
 */
final class CrmForecast {
    private static final Logger log = LoggerFactory.getLogger(CrmForecast.class);

    private final Jdbi jdbi;
    private final ForecastService forecasts;
    private final Messenger messenger;

    CrmForecast(Jdbi jdbi, ForecastService forecasts, Messenger messenger) {
        this.jdbi = jdbi;
        this.forecasts = forecasts;
        this.messenger = messenger;
    }

    /** The commit figure of manager {@code m}, as it may be recorded. */
    sealed interface Figure {
        record Commit(BigDecimal amount, Optional<Currency> currency, int deals)
                implements Figure {}

        /** Nothing to record, and why (for the log). */
        record None(String why) implements Figure {}
    }

    /**
     * Their commit for {@code quarter} from the deals stored for them: with {@code stages} (their
     * {@code settings crm-commit-stages}) the open deals in one of those stages, else those in
     * forecast category Commit.
     */
    Figure figure(Manager m, FiscalQuarter quarter, List<String> stages) {
        List<CrmSyncDao.Snapshot> deals =
                jdbi.withExtension(
                        CrmSyncDao.class,
                        dao ->
                                dao.closingIn(
                                        m.teamId(),
                                        m.userId(),
                                        quarter.firstDay(),
                                        quarter.lastDay()));
        return figure(committed(deals, stages));
    }

    /**
     * Of {@code deals} (open or closed won), those in the commit: closed won, and open ones in one
     * of {@code stages} (compared without case) or, with none given, in forecast category Commit
     * (Salesforce {@code Commit}, HubSpot {@code COMMIT}).
     */
    static List<CrmSyncDao.Snapshot> committed(
            List<CrmSyncDao.Snapshot> deals, List<String> stages) {
        Set<String> wanted =
                stages.stream()
                        .map(x -> x.toLowerCase(Locale.ROOT))
                        .collect(Collectors.toUnmodifiableSet());
        return deals.stream()
                .filter(
                        d ->
                                d.closed()
                                        ? d.won()
                                        : wanted.isEmpty()
                                                ? "commit".equalsIgnoreCase(d.forecastCategory())
                                                : d.stage() != null
                                                        && wanted.contains(
                                                                d.stage().toLowerCase(Locale.ROOT)))
                .toList();
    }

    /** The sum of {@code deals}, in their one currency. */
    static Figure figure(List<CrmSyncDao.Snapshot> deals) {
        List<CrmSyncDao.Snapshot> priced = deals.stream().filter(d -> d.amount() != null).toList();
        if (priced.isEmpty()) {
            // Worth recording only after a positive figure this quarter: see update().
            return new Figure.Commit(BigDecimal.ZERO, Optional.empty(), 0);
        }
        Set<String> codes =
                priced.stream()
                        .map(d -> Objects.requireNonNullElse(d.currency(), ""))
                        .map(c -> c.toUpperCase(Locale.ROOT))
                        .collect(Collectors.toCollection(java.util.TreeSet::new));
        if (codes.size() > 1) {
            return new Figure.None("deals in several currencies " + codes);
        }
        String code = codes.iterator().next();
        Optional<Currency> currency = Optional.empty();
        if (!code.isEmpty()) {
            try {
                currency = Optional.of(Currency.valueOf(code));
            } catch (IllegalArgumentException e) {
                return new Figure.None("deals in " + code + ", not a forecast currency");
            }
        }
        BigDecimal sum =
                priced.stream()
                        .map(CrmSyncDao.Snapshot::amount)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.signum() < 0 || sum.compareTo(Amounts.MAX) > 0) {
            return new Figure.None("commit of " + sum.toPlainString() + " out of range");
        }
        return new Figure.Commit(sum, currency, priced.size());
    }

    /**
     * Records manager {@code m}'s commit if it differs from their last figure of the quarter, and
     * DMs it when it is a downgrade; what was recorded, if anything.
     */
    Optional<Recorded> update(Manager m, CrmProvider provider, List<String> stages) {
        Figure figure = figure(m, forecasts.currentQuarter(m), stages);
        if (!(figure instanceof Figure.Commit commit)) {
            log.info(
                    "CRM forecast of {}/{} not recorded: {}",
                    m.teamId(),
                    m.userId(),
                    ((Figure.None) figure).why());
            return Optional.empty();
        }
        Optional<Forecast> last = forecasts.latest(m);
        if (last.filter(f -> same(f, commit)).isPresent()) {
            return Optional.empty();
        }
        if (commit.amount().signum() == 0 && last.filter(f -> f.amount().signum() > 0).isEmpty()) {
            // An empty commit is news only when it was not empty before this quarter.
            log.info(
                    "CRM forecast of {}/{} not recorded: no commit this quarter",
                    m.teamId(),
                    m.userId());
            return Optional.empty();
        }
        Recorded recorded =
                forecasts.record(
                        m,
                        commit.amount(),
                        commit.currency(),
                        Optional.of(
                                "From "
                                        + provider.label()
                                        + (stages.isEmpty()
                                                ? ": Commit and closed won, "
                                                : ": stages "
                                                        + String.join(", ", stages)
                                                        + " and closed won, ")
                                        + commit.deals()
                                        + (commit.deals() == 1 ? " deal" : " deals")));
        if (recorded.isDowngrade()) {
            ForecastViews.Message message = ForecastViews.recorded(recorded, m.bossUserId());
            try {
                messenger.dm(m.teamId(), m.userId(), message.text(), message.blocks());
            } catch (SlackCallException e) {
                // the downgrade's reminders are planned: the manager hears of it then
                log.warn(
                        "CRM forecast downgrade for {}/{} not sent: {}",
                        m.teamId(),
                        m.userId(),
                        e.getMessage());
            }
        }
        return Optional.of(recorded);
    }

    /** The last figure says the same: same amount, same currency (or none given). */
    private static boolean same(Forecast last, Figure.Commit commit) {
        return last.amount().compareTo(commit.amount()) == 0
                && (commit.currency().isEmpty() || commit.currency().equals(last.currency()));
    }
}

package com.bossreview.crm;

import java.time.Duration;
import java.util.List;

/**
 * One CRM's read-only API (Salesforce REST, HubSpot CRM v3) for one connection, through an access
 * token. Thin: each method is one or a few HTTP calls (paging followed), mapped to these records;
 * every failure is a {@link CrmException} of a {@link CrmException.Kind}.
 */
public interface CrmApi {
    /**
     * How far behind "now" a read stops. A change becomes visible to a reader a little after the
     * time it carries (a Salesforce transaction commits after it stamped {@code SystemModstamp};
     * HubSpot's search index trails its writes by seconds), so a watermark pushed up to "now" could
     * step over a change that shows up later with an older time. Reading only up to {@code now -
     * SETTLE} costs that much latency and keeps the watermark honest.
     */
    Duration SETTLE = Duration.ofMinutes(1);

    /** Which provider this is. */
    CrmProvider provider();

    /**
     * The CRM's active users with their e-mail address and, where the CRM has one, their manager.
     * Salesforce: {@code SELECT Id, Email, ManagerId FROM User WHERE IsActive = true}; HubSpot:
     * {@code GET crm/v3/owners} (owners have no manager: their teams instead).
     */
    List<CrmUser> users(String accessToken);

    /**
     * The deals of {@code ownerIds} changed after {@code since}, oldest change first, and the
     * watermark to pass next time. A change is returned by exactly one call as long as each call is
     * given the watermark the one before returned (stored with the connection, so restarts resume
     * where the last stored read ended). {@link DealChanges#more()}: the read stopped at a page
     * cap; call again at once with the new watermark.
     */
    DealChanges changedDeals(String accessToken, List<String> ownerIds, Watermark since);
}

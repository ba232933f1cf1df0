package com.bossreview.crm;

import java.util.List;
import java.util.Optional;

/**
 * A CRM user who can own deals. {@code managerId}: Salesforce's {@code User.ManagerId}; HubSpot
 * owners have none (empty), their {@code teamIds} say whose team they are in instead (Salesforce:
 * empty). {@code email} may be empty for a user without one (HubSpot queue-like owners).
 */
public record CrmUser(
        String id, Optional<String> email, Optional<String> managerId, List<String> teamIds) {}

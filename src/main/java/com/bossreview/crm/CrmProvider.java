package com.bossreview.crm;

import java.util.Locale;
import java.util.Optional;

/** The CRMs a workspace can connect (SPEC §9). */
public enum CrmProvider {
    SALESFORCE("Salesforce"),
    HUBSPOT("HubSpot");

    private final String label;

    CrmProvider(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** {@code salesforce}, {@code hubspot}: as in URLs and stored rows. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CrmProvider> byId(String id) {
        for (CrmProvider p : values()) {
            if (p.id().equals(id)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}

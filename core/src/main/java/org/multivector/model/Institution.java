package org.multivector.model;

import java.util.List;
import java.util.Objects;

/**
 * A regional or international institution, its lead pole(s) and its memberships; {@code effectiveness} (0..1, null for
 * 1) scales how much sharing it calms a pair of its members (the CSTO that did not stop wars between its members).
 */
public record Institution(
        String id,
        String name,
        InstitutionDomain domain,
        List<String> lead,
        int founded,
        List<Membership> members,
        Provenance provenance,
        Quantity effectiveness) {
    public Institution(
            String id,
            String name,
            InstitutionDomain domain,
            List<String> lead,
            int founded,
            List<Membership> members,
            Provenance provenance) {
        this(id, name, domain, lead, founded, members, provenance, null);
    }

    /** The effectiveness used: the declared value, or 1. */
    public double effectivenessValue() {
        return effectiveness == null ? 1 : effectiveness.value();
    }

    public Institution {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(domain, "domain");
        lead = List.copyOf(lead);
        members = List.copyOf(members);
        Objects.requireNonNull(provenance, "provenance");
    }

    /** True when {@code state} is a full member in {@code year} (not an observer, not suspended). */
    public boolean isMember(String state, int year) {
        for (Membership m : members) {
            if (m.state().equals(state) && m.memberIn(year)) {
                return true;
            }
        }
        return false;
    }
}

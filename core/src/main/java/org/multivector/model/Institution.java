package org.multivector.model;

import java.util.List;
import java.util.Objects;

/** A regional or international institution, its lead pole(s) and its memberships. */
public record Institution(
        String id,
        String name,
        InstitutionDomain domain,
        List<String> lead,
        int founded,
        List<Membership> members,
        Provenance provenance) {
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

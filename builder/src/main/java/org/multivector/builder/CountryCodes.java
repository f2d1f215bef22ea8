package org.multivector.builder;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one mapping between the project's actor ids and the datasets' country codes: Correlates of
 * War (number and abbreviation), ISO 3166-1 alpha-3 (World Bank) and Gleditsch–Ward (UCDP), read
 * from {@code data/country-codes.csv}. Every pipeline looks codes up here; {@code CountryCodesTest}
 * checks the table against the raw files.
 */
public final class CountryCodes {
    /** One row of the table. */
    public record Codes(String actor, int cow, String cowAbb, String iso3, int gw, String name) {}

    private final Map<String, Codes> byActor = new LinkedHashMap<>();

    private CountryCodes() {}

    public static CountryCodes read(Path csv) {
        CountryCodes c = new CountryCodes();
        for (Csv.Row r : Csv.read(csv)) {
            Codes x = new Codes(
                    r.get("actor"),
                    Integer.parseInt(r.get("cow")),
                    r.get("cow_abb"),
                    r.get("iso3"),
                    Integer.parseInt(r.get("gw")),
                    r.get("name"));
            if (c.byActor.put(x.actor(), x) != null) {
                throw new IllegalStateException(csv + ": actor " + x.actor() + " appears twice");
            }
        }
        return c;
    }

    public boolean has(String actor) {
        return byActor.containsKey(actor);
    }

    public Codes of(String actor) {
        Codes c = byActor.get(actor);
        if (c == null) {
            throw new IllegalArgumentException("no country codes for actor " + actor + " in data/country-codes.csv");
        }
        return c;
    }

    public int cow(String actor) {
        return of(actor).cow();
    }

    public Optional<Codes> byCow(int cow) {
        return byActor.values().stream().filter(c -> c.cow() == cow).findFirst();
    }

    public Optional<Codes> byGw(int gw) {
        return byActor.values().stream().filter(c -> c.gw() == gw).findFirst();
    }

    public Optional<Codes> byIso3(String iso3) {
        return byActor.values().stream().filter(c -> c.iso3().equals(iso3)).findFirst();
    }

    public java.util.Collection<Codes> all() {
        return byActor.values();
    }
}

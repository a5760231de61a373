package org.cadre.roster;

import java.util.Optional;
import org.cadre.kernel.Require;

/**
 * Where teaching is held on a course day: a place (a city, a border post, an academy), its country and,
 * where known, its first-level region (oblast, viloyat, province), the level donors break reach down by.
 */
public record Venue(String place, Country country, Optional<String> region) {

    public Venue {
        place = Require.text(place, "Venue.place");
        Require.present(country, "Venue.country");
        region = Require.present(region, "Venue.region").map(r -> Require.text(r, "Venue.region"));
    }

    public static Venue of(String place, Country country) {
        return new Venue(place, country, Optional.empty());
    }

    public static Venue of(String place, Country country, String region) {
        return new Venue(place, country, Optional.of(region));
    }

    /** {@code Khorog, Gorno-Badakhshan, TJ}. */
    @Override
    public String toString() {
        return place + region.map(r -> ", " + r).orElse("") + ", " + country.code();
    }
}

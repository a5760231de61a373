package org.cadre.roster;

import java.util.Optional;
import org.cadre.kernel.Require;

/**
 * Where teaching is held on a course day: a place (a city, a border post, an academy), its country and,
 * where known, its first-level region (oblast, viloyat, province), the level donors break reach down by.
 */
public record Venue(String place, Country country, Optional<String> region) {

    /**
     * Checks the venue.
     *
     * @param place a city, border post or academy; not blank, stripped
     * @param country its country
     * @param region its first-level region, if known; not blank, stripped
     * @throws IllegalArgumentException if a value is missing or a text blank
     */
    public Venue {
        place = Require.text(place, "Venue.place");
        Require.present(country, "Venue.country");
        region = Require.present(region, "Venue.region").map(r -> Require.text(r, "Venue.region"));
    }

    /**
     * A venue whose region is not recorded.
     *
     * @param place a city, border post or academy
     * @param country its country
     * @return the venue
     * @throws IllegalArgumentException if a value is missing or the place blank
     */
    public static Venue of(String place, Country country) {
        return new Venue(place, country, Optional.empty());
    }

    /**
     * A venue in a region.
     *
     * @param place a city, border post or academy, such as Khorog
     * @param country its country
     * @param region its first-level region, such as Gorno-Badakhshan
     * @return the venue
     * @throws IllegalArgumentException if a value is missing or a text blank
     */
    public static Venue of(String place, Country country, String region) {
        return new Venue(place, country, Optional.of(region));
    }

    /** {@code Khorog, Gorno-Badakhshan, TJ}. */
    @Override
    public String toString() {
        return place + region.map(r -> ", " + r).orElse("") + ", " + country.code();
    }
}

package org.cadre.roster;

import com.google.common.collect.ImmutableSet;
import java.util.Locale;
import org.cadre.kernel.Require;

/** A country by its ISO 3166-1 alpha-2 code, upper case: {@code KZ}, {@code TJ}, {@code UZ}. */
public record Country(String code) implements Comparable<Country> {

    private static final ImmutableSet<String> ISO_CODES = ImmutableSet.copyOf(Locale.getISOCountries());

    /** Kazakhstan, {@code KZ}. */
    public static final Country KAZAKHSTAN = new Country("KZ");
    /** Tajikistan, {@code TJ}. */
    public static final Country TAJIKISTAN = new Country("TJ");
    /** Uzbekistan, {@code UZ}. */
    public static final Country UZBEKISTAN = new Country("UZ");

    /**
     * Checks the code against the JDK's list of ISO 3166-1 countries.
     *
     * @param code two upper-case letters, such as {@code KZ}
     * @throws IllegalArgumentException if the code is missing, in lower case or not a country
     */
    public Country {
        Require.present(code, "Country");
        Require.that(ISO_CODES.contains(code), "Country",
                "must be an ISO 3166-1 alpha-2 code in upper case (for example KZ), was '" + code + "'");
    }

    /**
     * Whether the text is an ISO 3166-1 alpha-2 code in upper case.
     *
     * @param code the text, possibly null
     * @return true when {@link #of} would take it
     */
    public static boolean isValid(String code) {
        return code != null && ISO_CODES.contains(code);
    }

    /**
     * The country of an ISO code.
     *
     * @param code two upper-case letters, such as {@code TJ}
     * @return the country
     * @throws IllegalArgumentException if the code is missing, in lower case or not a country
     */
    public static Country of(String code) {
        return new Country(code);
    }

    /** {@return the country's name in English, whatever the default locale} */
    public String englishName() {
        return new Locale.Builder().setRegion(code).build().getDisplayCountry(Locale.ENGLISH);
    }

    @Override
    public int compareTo(Country other) {
        return code.compareTo(other.code);
    }

    @Override
    public String toString() {
        return code;
    }
}

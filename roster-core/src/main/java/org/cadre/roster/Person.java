package org.cadre.roster;

import java.util.Optional;
import org.cadre.kernel.Require;

/**
 * A person on a roster: a participant, trainer, interpreter or organiser. Only a name and a country are
 * required, because real nomination lists lack the rest often enough.
 *
 * @param nativeName the name as written in the person's own script, such as {@code Абдуллоев Фарход}
 * @param latinName the name in Latin script, such as {@code Farkhod Abdulloev}; at least one of the two
 *     names is present
 * @param organisation where the person serves, if known
 * @param rank rank or position, if known
 */
public record Person(PersonId id, Optional<String> nativeName, Optional<String> latinName, Sex sex, Country country,
        Optional<OrganisationId> organisation, Optional<String> rank) {

    /**
     * Checks the person.
     *
     * @param id their id
     * @param nativeName the name in their own script, if known; not blank, stripped
     * @param latinName the name in Latin script, if known; not blank, stripped
     * @param sex as recorded
     * @param country whose official they are
     * @param organisation where they serve, if known
     * @param rank rank or position, if known; not blank, stripped
     * @throws IllegalArgumentException if a value is missing, a text blank, or neither name is given
     */
    public Person {
        Require.present(id, "Person.id");
        nativeName = Require.present(nativeName, "Person.nativeName").map(n -> Require.text(n, "Person.nativeName"));
        latinName = Require.present(latinName, "Person.latinName").map(n -> Require.text(n, "Person.latinName"));
        Require.that(nativeName.isPresent() || latinName.isPresent(), "Person.name",
                "is required: give the native-script name, the Latin-script name, or both");
        Require.present(sex, "Person.sex");
        Require.present(country, "Person.country");
        Require.present(organisation, "Person.organisation");
        rank = Require.present(rank, "Person.rank").map(r -> Require.text(r, "Person.rank"));
    }

    /** {@return the name to show: the Latin-script name if known, else the native one} */
    public String displayName() {
        return latinName.or(() -> nativeName).orElseThrow();
    }

    /**
     * The record's usual text ({@code Person[id=..., nativeName=Optional[...], ...]}), written out: on Java 17 a
     * record's own {@code toString} goes through {@code String.format}, which was a sixth of a large roster
     * import (each new person's audit entry holds this text).
     */
    @Override
    public String toString() {
        return "Person[id=" + id + ", nativeName=" + nativeName + ", latinName=" + latinName + ", sex=" + sex + ", country=" + country
                + ", organisation=" + organisation + ", rank=" + rank + "]";
    }

    /**
     * Starts a person; names, sex (not recorded unless set), organisation and rank are added to the builder.
     *
     * @param id the person's id, such as {@code p-kz-01}
     * @param country whose official they are
     * @return the builder
     * @throws IllegalArgumentException if the id is malformed
     */
    public static Builder builder(String id, Country country) {
        return new Builder(PersonId.of(id), country);
    }

    /** Builds a person; only the id, a name and the country are required. */
    public static final class Builder {
        private final PersonId id;
        private final Country country;
        private String nativeName;
        private String latinName;
        private Sex sex = Sex.NOT_RECORDED;
        private OrganisationId organisation;
        private String rank;

        private Builder(PersonId id, Country country) {
            this.id = id;
            this.country = country;
        }

        /**
         * Sets the name in the person's own script.
         *
         * @param name such as {@code Абдуллоев Фарход}
         * @return this builder
         */
        public Builder nativeName(String name) {
            this.nativeName = name;
            return this;
        }

        /**
         * Sets the name in Latin script.
         *
         * @param name such as {@code Farkhod Abdulloev}
         * @return this builder
         */
        public Builder latinName(String name) {
            this.latinName = name;
            return this;
        }

        /**
         * Sets the sex as recorded.
         *
         * @param sex as the nomination list gives it
         * @return this builder
         */
        public Builder sex(Sex sex) {
            this.sex = sex;
            return this;
        }

        /**
         * Sets where the person serves.
         *
         * @param organisation the organisation's id
         * @return this builder
         */
        public Builder organisation(OrganisationId organisation) {
            this.organisation = organisation;
            return this;
        }

        /**
         * Sets the rank or position.
         *
         * @param rank such as "Captain" or "Senior Lecturer"
         * @return this builder
         */
        public Builder rank(String rank) {
            this.rank = rank;
            return this;
        }

        /**
         * Builds the person.
         *
         * @return the person
         * @throws IllegalArgumentException if neither name is given, or a text is blank
         */
        public Person build() {
            return new Person(id, Optional.ofNullable(nativeName), Optional.ofNullable(latinName), sex, country,
                    Optional.ofNullable(organisation), Optional.ofNullable(rank));
        }
    }
}

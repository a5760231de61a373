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

    /** The name to show: the Latin-script name if known, else the native one. */
    public String displayName() {
        return latinName.or(() -> nativeName).orElseThrow();
    }

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

        public Builder nativeName(String name) {
            this.nativeName = name;
            return this;
        }

        public Builder latinName(String name) {
            this.latinName = name;
            return this;
        }

        public Builder sex(Sex sex) {
            this.sex = sex;
            return this;
        }

        public Builder organisation(OrganisationId organisation) {
            this.organisation = organisation;
            return this;
        }

        public Builder rank(String rank) {
            this.rank = rank;
            return this;
        }

        public Person build() {
            return new Person(id, Optional.ofNullable(nativeName), Optional.ofNullable(latinName), sex, country,
                    Optional.ofNullable(organisation), Optional.ofNullable(rank));
        }
    }
}

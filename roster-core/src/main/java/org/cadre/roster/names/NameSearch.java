package org.cadre.roster.names;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.cadre.roster.Person;

/**
 * Finds people by name in either script: the query and both of a person's names are reduced to the same
 * Latin keys ({@link NameKey}), and every word of the query must begin a word of the name, so "Абдул"
 * finds "Abdulloev" and "abdulloev f" finds "Абдуллоев Фарход"; every number of the query must begin a
 * number of the name, so "officer 12" finds "Officer 12" and "Officer 120", not "Officer 13".
 */
public final class NameSearch {

    private NameSearch() {}

    /**
     * Who the query finds; a query without letters or digits finds no one.
     *
     * @param query words as a person types them, in either script
     * @return whether a person's native or Latin name matches every word of the query
     */
    public static Predicate<Person> of(String query) {
        NameKey asked = NameKey.of(query);
        ImmutableList<String> words = asked.tokens();
        ImmutableList<String> numbers = asked.numbers();
        if (words.isEmpty() && numbers.isEmpty()) {
            return p -> false;
        }
        return p -> {
            List<String> tokens = new ArrayList<>();
            List<String> written = new ArrayList<>();
            p.nativeName().map(NameKey::of).ifPresent(k -> {
                tokens.addAll(k.tokens());
                written.addAll(k.numbers());
            });
            p.latinName().map(NameKey::of).ifPresent(k -> {
                tokens.addAll(k.tokens());
                written.addAll(k.numbers());
            });
            return words.stream().allMatch(w -> tokens.stream().anyMatch(t -> t.startsWith(w)))
                    && numbers.stream().allMatch(n -> written.stream().anyMatch(t -> t.startsWith(n)));
        };
    }
}

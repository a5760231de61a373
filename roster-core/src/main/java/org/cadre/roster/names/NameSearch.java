package org.cadre.roster.names;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.cadre.roster.Person;

/**
 * Finds people by name in either script: the query and both of a person's names are reduced to the same
 * Latin keys ({@link NameKey}), and every word of the query must begin a word of the name, so "Абдул"
 * finds "Abdulloev" and "abdulloev f" finds "Абдуллоев Фарход".
 */
public final class NameSearch {

    private NameSearch() {}

    /**
     * Who the query finds; a query without letters finds no one.
     *
     * @param query words as a person types them, in either script
     * @return whether a person's native or Latin name matches every word of the query
     */
    public static Predicate<Person> of(String query) {
        ImmutableList<String> words = NameKey.of(query).tokens();
        if (words.isEmpty()) {
            return p -> false;
        }
        return p -> {
            List<String> tokens = new ArrayList<>();
            p.nativeName().ifPresent(n -> tokens.addAll(NameKey.of(n).tokens()));
            p.latinName().ifPresent(n -> tokens.addAll(NameKey.of(n).tokens()));
            return words.stream().allMatch(w -> tokens.stream().anyMatch(t -> t.startsWith(w)));
        };
    }
}

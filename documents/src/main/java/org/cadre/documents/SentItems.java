package org.cadre.documents;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The items of a list as a client sent them, each in its place, with the faults of those that could not be read (an
 * unknown field, a value of the wrong type, a date that is none). A use case judges the items read and names the
 * faults of the others with its own, in the list's order, so one answer names every fault of the list; an item with
 * faults is not judged.
 *
 * @param items every item in its place; null where an item has faults
 * @param unread the faults of each item that could not be read, by its place, as {@code marks[2].mark: is required}
 */
public record SentItems<T>(List<T> items, SortedMap<Integer, List<String>> unread) {

    public SentItems {
        items = Collections.unmodifiableList(new ArrayList<>(items));
        SortedMap<Integer, List<String>> copy = new TreeMap<>();
        unread.forEach((place, faults) -> copy.put(place, List.copyOf(faults)));
        unread = Collections.unmodifiableSortedMap(copy);
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) == null && !unread.containsKey(i)) {
                throw new IllegalArgumentException("SentItems: item " + i + " is missing without its faults");
            }
        }
        if (!unread.isEmpty() && (unread.firstKey() < 0 || unread.lastKey() >= items.size())) {
            throw new IllegalArgumentException("SentItems: faults of an item not sent");
        }
    }

    /** Items all read, each a missing one unread as required; null for a list not sent (a use case names it required). */
    public static <T> SentItems<T> all(String path, List<T> items) {
        return read(path, items, new TreeMap<>());
    }

    /**
     * Items read from a document with {@link Documents#readItems} as they are, those it set aside ({@code faults}, by
     * place) and missing ones (required) unread; null for a list not sent.
     */
    public static <T> SentItems<T> read(String path, List<T> items, SortedMap<Integer, List<String>> faults) {
        return read(path, items, faults, (item, f, at) -> item);
    }

    /** How one item is read from its document: each fault recorded in {@code f} under a path from {@code at}. */
    @FunctionalInterface
    public interface Reader<D, T> {
        /** The item, or null with its faults recorded. */
        T read(D doc, Fields f, String at);
    }

    /**
     * Items read one by one from the documents sent ({@code results[2]} a practice result from its document): an item
     * whose document {@link Documents#readItems} set aside ({@code faults}, by place), that is missing (required), or
     * that the reader finds faults in, is unread with its faults. Null for a list not sent.
     *
     * @param path the list's name, which each item's place is named under
     */
    public static <D, T> SentItems<T> read(String path, List<D> docs, SortedMap<Integer, List<String>> faults, Reader<D, T> reader) {
        if (docs == null) {
            return null;
        }
        List<T> items = new ArrayList<>(docs.size());
        SortedMap<Integer, List<String>> unread = new TreeMap<>();
        for (int i = 0; i < docs.size(); i++) {
            D doc = docs.get(i);
            String at = path + "[" + i + "]";
            Fields f = new Fields();
            T item = faults.containsKey(i) || doc == null ? null : reader.read(doc, f, at);
            if (item == null || !f.ok()) {
                unread.put(i, faults.containsKey(i) ? faults.get(i) : f.ok() ? List.of(at + ": is required") : f.errors());
                item = null;
            }
            items.add(item);
        }
        return new SentItems<>(items, unread);
    }

    /** How many items were sent. */
    public int size() {
        return items.size();
    }

    /** The faults of the item at {@code place}: empty when it was read whole, so may be judged. */
    public List<String> faultsOf(int place) {
        return unread.getOrDefault(place, List.of());
    }
}

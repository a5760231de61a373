-- Who recorded each feedback item (a username), for the record: an item naming its author replaces that author's
-- earlier item on the same thing, and only coordinators and administrators, who read authors, name them. Items
-- recorded before this column have none.
ALTER TABLE feedback ADD COLUMN recorded_by VARCHAR(64);

-- Who recorded each feedback item (a username), so that an item naming its author replaces only that author's earlier
-- item on the same thing as recorded by the same user, or by someone who may read authors (coordinators and
-- administrators): a trainer, who reads items without their authors, could otherwise overwrite participants' ratings
-- of their own sessions by naming each participant in turn. Items recorded before this column have none.
ALTER TABLE feedback ADD COLUMN recorded_by VARCHAR(64);

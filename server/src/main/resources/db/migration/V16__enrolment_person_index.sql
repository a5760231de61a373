-- Where a person is enrolled, by person: the scope check of a person outside the caller's scope read every
-- enrolment (9 ms against 1 ms for a missing id with 40,000 enrolments: a timing difference that told which
-- ids exist, the attacker's review of issue 16), and a roster import's look-up of the file's people did so per
-- thousand rows.
CREATE INDEX enrolment_person ON enrolment (person_id);

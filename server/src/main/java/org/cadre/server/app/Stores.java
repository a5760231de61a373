package org.cadre.server.app;

import java.time.Clock;
import org.cadre.server.store.Assessments;
import org.cadre.server.store.AuditLog;
import org.cadre.server.store.Certifications;
import org.cadre.server.store.Curricula;
import org.cadre.server.store.Database;
import org.cadre.server.store.DuplicateDecisions;
import org.cadre.server.store.Enrolments;
import org.cadre.server.store.Events;
import org.cadre.server.store.FeedbackItems;
import org.cadre.server.store.Organisations;
import org.cadre.server.store.People;
import org.cadre.server.store.Programmes;
import org.cadre.server.store.ResultsFrameworks;
import org.cadre.server.store.Retention;
import org.cadre.server.store.RosterImports;
import org.cadre.server.store.RosterUploads;
import org.cadre.server.store.Rosters;
import org.cadre.server.store.Trainers;
import org.cadre.server.store.Users;

/** Every store over one database, built once and shared by the use cases. */
final class Stores {

    final Database db;
    final Clock clock;
    final AuditLog audit;
    final Users users;
    final Curricula curricula;
    final Organisations organisations;
    final People people;
    final DuplicateDecisions duplicateDecisions;
    final Programmes programmes;
    final ResultsFrameworks frameworks;
    final Events events;
    final Enrolments enrolments;
    final Assessments assessments;
    final FeedbackItems feedback;
    final Certifications certifications;
    final Trainers trainers;
    final Rosters rosters;
    final RosterImports imports;
    final RosterUploads uploads;
    final Retention retention;

    Stores(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.audit = new AuditLog(clock);
        this.users = new Users(db, audit);
        this.curricula = new Curricula(db, audit);
        this.organisations = new Organisations(db, audit);
        this.people = new People(db, audit);
        this.duplicateDecisions = new DuplicateDecisions(db, audit);
        this.programmes = new Programmes(db, audit);
        this.frameworks = new ResultsFrameworks(db, audit);
        this.events = new Events(db, audit);
        this.enrolments = new Enrolments(db, audit);
        this.assessments = new Assessments(db, audit);
        this.feedback = new FeedbackItems(db, audit);
        this.certifications = new Certifications(db, audit);
        this.trainers = new Trainers(db, audit);
        this.rosters = new Rosters(db, audit);
        this.imports = new RosterImports(db, audit, clock);
        this.uploads = new RosterUploads(db, clock);
        this.retention = new Retention(db, audit);
    }

    /** Today where the event takes place, on the stores' clock: the day every rule that asks "by now" is given. */
    java.time.LocalDate todayAt(org.cadre.roster.Event event) {
        return java.time.LocalDate.now(clock.withZone(event.zone()));
    }
}

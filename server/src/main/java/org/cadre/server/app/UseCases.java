package org.cadre.server.app;

import java.time.Clock;
import org.cadre.server.store.Database;
import org.cadre.server.store.Sessions;

/**
 * Every staff action Cadre offers, over one database: what the web API and the command line call. Each use
 * case takes the acting user and plain values, checks the role's permission and the user's scope, runs the
 * library's rules and the store in one transaction, and returns an {@link Outcome}; none sees HTTP or the
 * command line.
 */
public final class UseCases {

    private final Stores stores;
    private final Scope scope;
    private final Sessions sessions;
    private final SignIn signIn;
    private final UserAdministration users;
    private final Erasure erasure;
    private final Frameworks frameworks;
    private final EventWork eventWork;
    private final Enrolling enrolling;
    private final EventRecords events;
    private final Delivery delivery;
    private final FileChecks fileChecks;
    private final Directory directory;
    private final CurriculumLibrary curricula;
    private final TrainerPoolWork pool;
    private final Reports reports;
    private final Overviews overviews;
    private final DirectoryOverviews directoryOverviews;

    private final Settings settings;

    public UseCases(Database db, Settings settings) {
        Clock clock = settings.clock();
        this.settings = settings;
        this.stores = new Stores(db, clock);
        this.scope = new Scope(stores);
        this.sessions = new Sessions(db, clock, settings.sessionIdle(), settings.sessionMax());
        org.cadre.server.store.LoginThrottle throttle = SignIn.throttle(stores);
        this.signIn = new SignIn(stores, sessions, throttle);
        this.users = new UserAdministration(stores.users, sessions, stores.programmes, throttle);
        this.erasure = new Erasure(db, clock, stores.people, stores.retention, stores.uploads);
        this.frameworks = new Frameworks(stores.programmes, stores.frameworks);
        this.eventWork = new EventWork(stores, scope);
        this.enrolling = new Enrolling(stores, scope);
        this.events = new EventRecords(stores, scope);
        this.delivery = new Delivery(stores, scope, enrolling, events);
        this.fileChecks = new FileChecks(stores);
        this.directory = new Directory(stores, scope, settings.reportGate());
        this.curricula = new CurriculumLibrary(stores);
        this.pool = new TrainerPoolWork(stores, scope);
        this.reports = new Reports(stores, scope, settings);
        this.overviews = new Overviews(stores, events, enrolling, directory);
        this.directoryOverviews = new DirectoryOverviews(directory, events, frameworks, pool);
    }

    /** With the default settings on the given clock: for the command line. */
    public static UseCases of(Database db, Clock clock) {
        return new UseCases(db, Settings.defaults().withClock(clock));
    }

    /** The settings the use cases run with. */
    public Settings settings() {
        return settings;
    }

    public SignIn signIn() {
        return signIn;
    }

    public UserAdministration users() {
        return users;
    }

    public Erasure erasure() {
        return erasure;
    }

    public Frameworks frameworks() {
        return frameworks;
    }

    public EventWork eventWork() {
        return eventWork;
    }

    public Enrolling enrolling() {
        return enrolling;
    }

    public EventRecords events() {
        return events;
    }

    public Delivery delivery() {
        return delivery;
    }

    public FileChecks fileChecks() {
        return fileChecks;
    }

    /** Organisations, programmes and people. */
    public Directory directory() {
        return directory;
    }

    /** Training Support Packages: store, read, check, compare. */
    public CurriculumLibrary curricula() {
        return curricula;
    }

    /** The trainer pool and evidence added by hand. */
    public TrainerPoolWork pool() {
        return pool;
    }

    /** Event and programme reports. */
    public Reports reports() {
        return reports;
    }

    /** What the pages show at once: the home page's events, an event with its agenda, roster and checks. */
    public Overviews overviews() {
        return overviews;
    }

    /** What the directory pages show at once: a programme with its events and framework, a trainer's progression. */
    public DirectoryOverviews directoryOverviews() {
        return directoryOverviews;
    }

    Stores stores() {
        return stores;
    }

    Scope scope() {
        return scope;
    }
}

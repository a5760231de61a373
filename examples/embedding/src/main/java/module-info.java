/**
 * The example as a Java module: Cadre's jars are named modules on the module path (each names itself with
 * {@code Automatic-Module-Name}), so an application that has a module descriptor requires them by name.
 */
module org.cadre.examples.embedding {
    requires org.cadre.curriculum;
    requires org.cadre.roster;
    requires org.cadre.reporting;

    exports org.cadre.examples.embedding;
}

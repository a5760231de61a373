/**
 * Training Support Packages as checked, versioned data.
 *
 * <p>A {@link org.cadre.curriculum.Curriculum} is one version of a package: competences, learning
 * outcomes, {@link org.cadre.curriculum.Module modules} with their {@link org.cadre.curriculum.Session
 * sessions}, an {@link org.cadre.curriculum.AssessmentBlueprint assessment blueprint} and the
 * {@link org.cadre.curriculum.CertificationCriteria certification criteria} roster-core evaluates.
 * {@link org.cadre.curriculum.CurriculumCheck} runs every {@link org.cadre.curriculum.CurriculumRule};
 * {@link org.cadre.curriculum.CurriculumDiff} says what changed between two versions and
 * {@link org.cadre.curriculum.VersionPolicy} which version step that needs. The demo package built from
 * the Almaty ToT is in {@link org.cadre.curriculum.demo.DemoCurricula}.
 *
 * <p>No I/O, no clock, no JSON or SQL here: the build keeps this module to the JDK and Guava.
 */
package org.cadre.curriculum;

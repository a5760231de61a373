/**
 * The demo Training Support Package, built from the public description of IOM's Training of Trainers on
 * countering migrant smuggling (Almaty, 23-27 October 2023). Later modules, tests and the server's demo
 * mode reuse it. Start with {@link org.cadre.curriculum.demo.DemoCurricula}.
 */
package org.cadre.curriculum.demo;

/**
 * The demo rosters: the Almaty Training of Trainers (23-27 October 2023) as the public description tells
 * it, and a cascade training delivered afterwards by two of its graduates. Every person is fictional.
 * Start with {@link org.cadre.roster.demo.DemoRoster}.
 */
package org.cadre.roster.demo;

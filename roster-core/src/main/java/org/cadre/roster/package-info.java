/**
 * The roster of training programmes: organisations, people, events, enrolment, attendance, assessment,
 * feedback, certification, the trainer pool and cascade reach. Pure logic over curriculum-model: no
 * I/O, no clock reads (dates are passed in).
 */
package org.cadre.roster;

/**
 * Reports for staff and donors. Statistics are pure functions from the roster to records
 * ({@link org.cadre.reporting.EventReports}, {@link org.cadre.reporting.EventReport}), produced for an
 * {@link org.cadre.reporting.disclosure.Audience} with disclosure control applied; renderers in
 * {@code org.cadre.reporting.render} turn them into JSON, CSV with HXL and HTML.
 */
package org.cadre.reporting;

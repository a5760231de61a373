/**
 * Renderers: the same report as JSON ({@link org.cadre.reporting.render.JsonRenderer}), CSV with an HXL
 * hashtag row ({@link org.cadre.reporting.render.CsvRenderer}) and a self-contained HTML page. None
 * depends on the default locale or time zone.
 */
package org.cadre.reporting.render;

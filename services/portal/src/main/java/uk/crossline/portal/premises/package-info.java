/** A premises' page: every flag the person's agency may see on it, from every agency, by month. */
package uk.crossline.portal.premises;

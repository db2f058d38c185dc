/**
 * Which pages each role is offered, enforced in one place: anyone else gets the "no access" page.
 */
package uk.crossline.portal.gate;

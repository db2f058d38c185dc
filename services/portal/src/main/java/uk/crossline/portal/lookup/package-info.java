/** Looking up a phone, vehicle, handle or email: what the person may see, and hit / no-hit. */
package uk.crossline.portal.lookup;

/**
 * The fault drill: the hub's event path under a steady load while each of its processes is killed
 * and each shared component restarted, then checked for loss, duplicates and undelivered alerts.
 */
package uk.crossline.drills.fault;

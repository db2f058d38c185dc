/**
 * Errors as answers: every refusal is an RFC 9457 problem detail naming the fields at fault and
 * why, without stack traces and without echoing what was sent (it may be personal data).
 */
package uk.crossline.kit.problem;

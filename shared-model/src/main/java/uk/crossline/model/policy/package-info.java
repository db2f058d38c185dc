/**
 * The partnership's policy files ({@code infra/policy/}, bundled as classpath {@code policy/}) read
 * into plain Java: versioned, strict, and refused with the key at fault when wrong.
 */
package uk.crossline.model.policy;

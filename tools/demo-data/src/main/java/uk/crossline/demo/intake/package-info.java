/**
 * The hub's front door as the loader uses it: tokens from the identity provider by the local-only
 * password grant, and the intake's single and bulk submission endpoints.
 */
package uk.crossline.demo.intake;

/**
 * The caller of a request, from a verified JWT of the identity provider: agency, agency type and
 * roles mapped to authorities in one place, and the token's claims checked before anything else.
 */
package uk.crossline.kit.security;

/** Signing in and out with the identity provider, and who the signed-in person is. */
package uk.crossline.portal.signin;

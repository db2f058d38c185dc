/**
 * What every portal response carries to protect the person (security headers, the content security
 * policy, no caching of pages) and the GOV.UK pages shown instead of an error.
 */
package uk.crossline.portal.headers;

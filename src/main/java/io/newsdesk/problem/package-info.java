/**
 * RFC 9457 problems: {@code ProblemException} (thrown anywhere below a resource), every exception mapper, the
 * problems of requests refused before the router (HTTP codec errors, input limits), and the 503 of a database
 * that cannot be reached.
 * May depend on {@code system} (the HTTP input limits) only.
 */
package io.newsdesk.problem;

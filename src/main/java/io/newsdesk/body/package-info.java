/**
 * Write request bodies: {@code JsonBodies} reads a body into a JSON object (400 for anything that is not one,
 * 413 over the configured size), and {@code BodyFields} reads it field by field, collecting every field problem
 * into one 400. Features map the fields to their own input records.
 * May depend on {@code selection} (the slug syntax), {@code format} (which text every format can carry),
 * {@code problem} and {@code system}; knows no feature.
 */
package io.newsdesk.body;

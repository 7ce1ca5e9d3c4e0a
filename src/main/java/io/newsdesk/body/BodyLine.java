package io.newsdesk.body;

import io.newsdesk.problem.ProblemException;

/**
 * One item of a bulk (NDJSON) body: its position among the items ({@code index}, from 0), the line it was on (from
 * 1), and either its fields or, when the line is not a JSON object, why ({@code problem}).
 */
public record BodyLine(int index, int line, BodyFields fields, ProblemException problem) {}

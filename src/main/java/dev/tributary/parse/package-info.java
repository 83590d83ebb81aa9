/**
 * The parse stage: {@link dev.tributary.parse.StandardFeedParser} turns fetched bytes, the HTTP
 * {@code Content-Type} and {@code Content-Location} and the document URL into the normalized model
 * ({@code normalized-feed.md}). RSS 0.90–2.0, RSS 1.0/RDF, Atom 0.3/1.0 (and CDF) are read into a
 * namespace-resolved element tree by a hardened SAX parser, or by jsoup's lenient XML parser when
 * the document is not well-formed; JSON Feed 1.0/1.1 by Jackson. No DTD is ever processed.
 */
package dev.tributary.parse;

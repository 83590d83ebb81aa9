/**
 * HTML sanitizing for everything that came from a feed: {@link dev.tributary.sanitize.HtmlSanitizer}
 * (jsoup with an explicit allow-list) and {@link dev.tributary.sanitize.UrlResolver} for lenient
 * resolution of the relative references feeds are full of.
 */
package dev.tributary.sanitize;

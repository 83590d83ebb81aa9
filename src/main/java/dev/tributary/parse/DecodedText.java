package dev.tributary.parse;

/** Document text after charset resolution; {@code problem} is non-null when decoding needed a repair. */
record DecodedText(String text, String encoding, String problem) {}

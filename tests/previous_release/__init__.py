"""Code of earlier releases, as they shipped it, to write data the way they did."""

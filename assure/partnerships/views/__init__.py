"""The partnership's pages. Views are thin: they read through selectors, change through
services, and declare who may use them."""

"""Every block kind; importing this package registers them all."""

"""A local fake of the Tweede Kamer OData API v4 (2.0) with a small real sample: see README.md."""

"""The documentation: every code sample runs against the mock; the generated CLI page is whole."""

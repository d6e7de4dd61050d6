"""``gisdesk sample-data``: placeholder until the generator lands."""

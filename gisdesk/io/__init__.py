"""Reading and writing data files; Qt-free.

Opening vector data (the entry points the app and the CLI use):

* :func:`gisdesk.io.readers.list_layers` — what a file holds, from metadata only;
* :func:`gisdesk.io.readers.read_layer` — one layer as a MapLayer in the project CRS, with
  bbox/where filters, progress and cancel callbacks;
* :func:`gisdesk.io.readers.open_path` — every layer of a file, plus one ReadError per bad layer;
* :func:`gisdesk.io.reproject.assign_crs` — set the CRS of data whose file had none.

Nothing is imported here, so ``import gisdesk.io.<module>`` stays as light as that module.
"""

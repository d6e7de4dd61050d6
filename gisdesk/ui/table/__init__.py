"""The attribute table: a fast Qt model over one layer, its cell editors and its window."""
